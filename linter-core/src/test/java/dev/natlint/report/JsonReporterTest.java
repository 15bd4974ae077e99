package dev.natlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void structureAndOrder() throws Exception {
        JsonNode root = MAPPER.readTree(new JsonReporter().render(Samples.mixed()));
        assertThat(keys(root)).containsExactly("files");
        assertThat(root.get("files").findValuesAsText("path")).containsExactly("core.rsc", "sites/edge.rsc");

        JsonNode edge = root.at("/files/1");
        assertThat(keys(edge)).containsExactly("path", "findings");
        assertThat(edge.get("findings")).hasSize(2);
        JsonNode masq = edge.at("/findings/0");
        assertThat(keys(masq)).containsExactly("ruleId", "severity", "line", "column", "message", "fix", "doc");
        assertThat(masq.get("doc").asText()).isEqualTo("rules/docs/masquerade-unrestricted.md");
        assertThat(masq.get("ruleId").asText()).isEqualTo("masquerade-unrestricted");
        assertThat(masq.get("severity").asText()).isEqualTo("warning");
        assertThat(masq.get("line").isInt()).isTrue();
        assertThat(masq.get("line").asInt()).isEqualTo(3);
        assertThat(masq.get("column").asInt()).isEqualTo(1);
        assertThat(masq.get("fix").isNull()).isTrue();

        JsonNode hairpin = edge.at("/findings/1");
        assertThat(hairpin.get("severity").asText()).isEqualTo("error");
        assertThat(hairpin.get("line").asInt()).isEqualTo(14);
        assertThat(keys(hairpin.get("fix"))).containsExactly("description", "snippet");
        assertThat(hairpin.at("/fix/description").asText()).isEqualTo("add hairpin NAT");
        assertThat(hairpin.at("/fix/snippet").asText()).isEqualTo("/ip firewall nat add action=masquerade\n# or narrower");

        assertThat(root.at("/files/0/findings/0/ruleId").asText()).isEqualTo("syntax");
    }

    @Test
    void exactBytesForASmallReport() {
        Report r = new Report(List.of(new FileReport("a.rsc", List.of(Samples.finding("hairpin-missing-masquerade",
                dev.natlint.diag.Severity.INFO, "a.rsc", 5, 3, "m", Samples.HAIRPIN_FIX))),
                new FileReport("b.rsc", List.of())), List.of());
        assertThat(new JsonReporter().render(r)).isEqualTo("""
                {
                  "files": [
                    {
                      "path": "a.rsc",
                      "findings": [
                        {
                          "ruleId": "hairpin-missing-masquerade",
                          "severity": "info",
                          "line": 5,
                          "column": 3,
                          "message": "m",
                          "fix": {
                            "description": "add hairpin NAT",
                            "snippet": "/ip firewall nat add action=masquerade\\n# or narrower"
                          },
                          "doc": "rules/docs/hairpin-missing-masquerade.md"
                        }
                      ]
                    },
                    {
                      "path": "b.rsc",
                      "findings": []
                    }
                  ]
                }
                """);
        assertThat(new JsonReporter().render(new Report(List.of(), List.of()))).isEqualTo("{\n  \"files\": []\n}\n");
    }

    @Test
    void trickyStringsRoundTrip() throws Exception {
        String json = new JsonReporter().render(Samples.tricky());
        JsonNode f = MAPPER.readTree(json).at("/files/0");
        assertThat(f.get("path").asText()).isEqualTo("dir with space/r\u00e9seau \"q\".rsc");
        assertThat(f.at("/findings/0/message").asText()).isEqualTo(Samples.TRICKY + "\nsecond line");
        assertThat(f.at("/findings/0/fix/description").asText()).isEqualTo("fix \"it\"\t\u2013 now\\");
        assertThat(f.at("/findings/0/fix/snippet").asText()).isEqualTo("/ip a\r\n/ip b\\c \u001f");
        // non-ASCII is kept literally, control characters are escaped
        assertThat(json).contains("\u2013").contains("r\u00e9seau").contains("\\u0001").contains("\\u001f")
                .doesNotContain("\u0001").doesNotContain("\t");
    }

    @Test
    void writerOutputEqualsRenderAndIsDeterministic() throws Exception {
        StringWriter w = new StringWriter();
        new JsonReporter().write(Samples.mixed(), w);
        assertThat(w).hasToString(new JsonReporter().render(Samples.mixed()));
        assertThat(new JsonReporter().render(Samples.mixed())).isEqualTo(new JsonReporter().render(Samples.mixed()));
    }
}
