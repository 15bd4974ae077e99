package dev.natlint.report;

import static dev.natlint.report.Samples.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Fix;
import dev.natlint.diag.Severity;
import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** GitHub workflow commands, Checkstyle XML and JUnit XML, each checked against its format. */
class MoreFormatsTest {

    /** Validates against an XSD in src/test/resources/formats and parses the document. */
    private static Document valid(String xsd, String xml) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.newSchema(MoreFormatsTest.class.getResource("/formats/" + xsd)).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(Document d, String name) {
        NodeList l = d.getElementsByTagName(name);
        List<Element> out = new java.util.ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element) l.item(i));
        }
        return out;
    }

    @Test
    void githubCommandsEscapeAsGithubDocuments() {
        Report r = new Report(List.of(new FileReport("dir,a/b:c%.rsc", List.of(
                finding("syntax", Severity.ERROR, "dir,a/b:c%.rsc", 2, 7, "100% bad\r\nnext: a,b", null),
                finding("masquerade-unrestricted", Severity.WARNING, "dir,a/b:c%.rsc", 3, 0, "w", null),
                finding("x", Severity.INFO, "dir,a/b:c%.rsc", 0, 0, "i", new Fix("do it", "/ip a\n/ip b\n")))),
                new FileReport("clean.rsc", List.of())), List.of());
        assertThat(new GithubReporter().render(r)).isEqualTo(
                "::notice file=dir%2Ca/b%3Ac%25.rsc,title=x::i%0Afix: do it%0A/ip a%0A/ip b%0Asee rules/docs/x.md\n"
                + "::error file=dir%2Ca/b%3Ac%25.rsc,line=2,col=7,title=syntax::100%25 bad%0D%0Anext: a,b%0Asee rules/docs/syntax.md\n"
                + "::warning file=dir%2Ca/b%3Ac%25.rsc,line=3,title=masquerade-unrestricted::w%0Asee rules/docs/masquerade-unrestricted.md\n"
                + "3 findings (1 error, 1 warning, 1 info) in 2 files\n");
    }

    @Test
    void checkstyleXmlFollowsTheFormat() throws Exception {
        String xml = new CheckstyleReporter().render(Samples.mixed());
        Document d = valid("checkstyle.xsd", xml);
        assertThat(elements(d, "file")).extracting(e -> e.getAttribute("name")).containsExactly("core.rsc", "sites/edge.rsc");
        List<Element> errors = elements(d, "error");
        assertThat(errors).extracting(e -> e.getAttribute("line") + ":" + e.getAttribute("column") + " "
                + e.getAttribute("severity") + " " + e.getAttribute("source") + " " + e.getAttribute("message"))
                .containsExactly("2:7 error natlint.syntax unclosed quote",
                        "3:1 warning natlint.masquerade-unrestricted broad",
                        "14:1 error natlint.hairpin-missing-masquerade no hairpin for 192.168.1.0/24");
        assertThat(xml).isEqualTo(new CheckstyleReporter().render(Samples.mixed()));
    }

    @Test
    void checkstyleXmlCarriesAwkwardTextIntact() throws Exception {
        Document d = valid("checkstyle.xsd", new CheckstyleReporter().render(Samples.tricky()));
        Element error = elements(d, "error").get(0);
        assertThat(error.getAttribute("message")).isEqualTo(Samples.TRICKY.replace("\u0001", "\\u0001") + "\nsecond line");
        assertThat(elements(d, "file").get(0).getAttribute("name")).isEqualTo("dir with space/r\u00e9seau \"q\".rsc");
        Report wholeFile = new Report(List.of(new FileReport("a.rsc", List.of(
                finding("io-error", Severity.ERROR, "a.rsc", 0, 0, "unreadable", null)))), List.of());
        Element e = elements(valid("checkstyle.xsd", new CheckstyleReporter().render(wholeFile)), "error").get(0);
        assertThat(e.hasAttribute("line")).isFalse();
    }

    @Test
    void junitXmlHasOneTestcasePerScriptAndAFailurePerFinding() throws Exception {
        Report r = new Report(List.of(Samples.mixed().files().get(0), Samples.mixed().files().get(1),
                new FileReport("clean.rsc", List.of())), List.of());
        Document d = valid("junit.xsd", new JunitXmlReporter().render(r));
        Element suite = elements(d, "testsuite").get(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(elements(d, "testcase")).extracting(e -> e.getAttribute("name"))
                .containsExactly("clean.rsc", "core.rsc", "sites/edge.rsc");
        List<Element> failures = elements(d, "failure");
        assertThat(failures).hasSize(3);
        Element hairpin = failures.get(2);
        assertThat(hairpin.getAttribute("type")).isEqualTo("hairpin-missing-masquerade");
        assertThat(hairpin.getAttribute("message"))
                .isEqualTo("sites/edge.rsc:14:1: error: no hairpin for 192.168.1.0/24 [hairpin-missing-masquerade]");
        assertThat(hairpin.getTextContent()).isEqualTo("fix: add hairpin NAT\n/ip firewall nat add action=masquerade\n"
                + "# or narrower\nsee rules/docs/hairpin-missing-masquerade.md\n");
        assertThat(((Element) hairpin.getParentNode()).getAttribute("name")).isEqualTo("sites/edge.rsc");
        valid("junit.xsd", new JunitXmlReporter().render(Samples.tricky()));
        valid("junit.xsd", new JunitXmlReporter().render(Samples.clean(0)));
    }
}
