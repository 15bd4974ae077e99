package dev.natlint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The descriptor Maven reads to load this plugin, as the build generated it: Maven resolves and loads
 * every jar it lists for any goal, so checking must not list site rendering (that is
 * natlint-report-maven-plugin's).
 */
class PluginDescriptorTest {

    private static Document descriptor() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
    }

    private static List<String> texts(Document d, String parent, String child) {
        List<String> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagName(parent);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            out.add(e.getElementsByTagName(child).item(0).getTextContent().trim());
        }
        return out;
    }

    @Test
    void goalsAreCheckAndHelpUnderThePrefixNatlint() throws Exception {
        Document d = descriptor();
        assertThat(texts(d, "mojo", "goal")).containsExactlyInAnyOrder("check", "help");
        assertThat(d.getElementsByTagName("goalPrefix").item(0).getTextContent()).isEqualTo("natlint");
    }

    @Test
    void loadsNoJarOfTheSiteReport() throws Exception {
        Document d = descriptor();
        List<String> coordinates = new ArrayList<>();
        NodeList deps = d.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element e = (Element) deps.item(i);
            coordinates.add(e.getElementsByTagName("groupId").item(0).getTextContent() + ":"
                    + e.getElementsByTagName("artifactId").item(0).getTextContent());
        }
        assertThat(coordinates).contains("dev.natlint:linter-core", "dev.natlint:rules");
        assertThat(coordinates).noneMatch(c -> c.startsWith("org.apache.maven.doxia:")
                || c.startsWith("org.apache.maven.reporting:") || c.startsWith("org.apache.velocity")
                || c.startsWith("com.github.vlsi.mxgraph:"));
    }
}
