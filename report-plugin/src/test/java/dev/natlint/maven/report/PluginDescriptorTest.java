package dev.natlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The descriptor the build generated: the site page's goal under its own prefix, not natlint's. */
class PluginDescriptorTest {

    @Test
    void goalsAreReportAndHelpUnderThePrefixNatlintReport() throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
        List<String> goals = new ArrayList<>();
        NodeList mojos = d.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            goals.add(((Element) mojos.item(i)).getElementsByTagName("goal").item(0).getTextContent().trim());
        }
        assertThat(goals).containsExactlyInAnyOrder("report", "help");
        assertThat(d.getElementsByTagName("goalPrefix").item(0).getTextContent()).isEqualTo("natlint-report");
    }
}
