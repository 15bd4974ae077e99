package dev.natlint.report;

import dev.natlint.diag.Finding;
import dev.natlint.rule.RuleInfo;
import java.io.IOException;

/**
 * JUnit XML, for CI servers that show test results: one {@code testsuite} named {@code natlint}, one
 * {@code testcase} per checked script (its path as the name, {@code natlint} as the class name), and
 * one {@code failure} per finding, whose {@code message} is the GNU line and whose text holds the fix
 * and the rule's page. Times are 0 and there is no timestamp or host name, so the same findings give
 * the same bytes.
 */
public final class JunitXmlReporter implements Reporter {

    @Override
    public void write(Report report, Appendable out) throws IOException {
        int tests = report.files().size();
        long failing = report.files().stream().filter(f -> !f.findings().isEmpty()).count();
        String counts = " tests=\"" + tests + "\" failures=\"" + failing + "\" errors=\"0\" skipped=\"0\" time=\"0\"";
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"natlint\"").append(counts).append(">\n");
        out.append("  <testsuite name=\"natlint\"").append(counts).append(">\n");
        TextReporter text = new TextReporter(false, true);
        for (FileReport file : report.files()) {
            out.append("    <testcase name=\"").append(Xml.escape(file.path())).append("\" classname=\"natlint\" time=\"0\"");
            if (file.findings().isEmpty()) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            for (Finding f : file.findings()) {
                StringBuilder body = new StringBuilder();
                if (f.fix() != null) {
                    body.append("fix: ").append(f.fix().description()).append('\n').append(f.fix().snippet().strip()).append('\n');
                }
                body.append("see ").append(RuleInfo.docPath(f.ruleId())).append('\n');
                out.append("      <failure message=\"").append(Xml.escape(text.line(f))).append("\" type=\"")
                        .append(Xml.escape(f.ruleId())).append("\">").append(Xml.escape(body.toString()))
                        .append("</failure>\n");
            }
            out.append("    </testcase>\n");
        }
        out.append("  </testsuite>\n</testsuites>\n");
    }
}
