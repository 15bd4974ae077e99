package dev.natlint.report;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.rule.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning tools. The fix travels in {@code properties.fix}: SARIF's own
 * {@code fixes} need exact byte regions to replace, and natlint's fixes are commands to append.
 */
public final class SarifReporter {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final String version;

    public SarifReporter(String version) {
        this.version = version;
    }

    public String render(Report report) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Object> rules = new ArrayList<>();
        for (RuleInfo r : report.rules()) {
            index.put(r.id(), rules.size());
            rules.add(rule(r));
        }
        List<Object> results = new ArrayList<>();
        for (FileReport file : report.files()) {
            for (Finding f : file.findings()) {
                if (!index.containsKey(f.ruleId())) {
                    // a finding of a rule the report does not list still needs a driver rule to point at
                    index.put(f.ruleId(), rules.size());
                    rules.add(rule(new RuleInfo(f.ruleId(), f.severity(), f.ruleId(), f.ruleId(), "# " + f.ruleId())));
                }
                Json.Obj result = Json.obj().put("ruleId", f.ruleId()).put("ruleIndex", index.get(f.ruleId()))
                        .put("level", level(f.severity())).put("message", Json.obj().put("text", f.message()))
                        .put("locations", List.of(Json.obj().put("physicalLocation", Json.obj()
                                .put("artifactLocation", Json.obj().put("uri", file.path()).put("uriBaseId", "%SRCROOT%"))
                                .put("region", Json.obj().put("startLine", f.location().line())
                                        .put("startColumn", f.location().column())))));
                if (f.fix() != null) {
                    result.put("properties", Json.obj().put("fix", Json.obj().put("description", f.fix().description())
                            .put("snippet", f.fix().snippet())));
                }
                results.add(result);
            }
        }
        Json.Obj driver = Json.obj().put("name", "natlint").put("version", version).put("rules", rules);
        Json.Obj run = Json.obj().put("tool", Json.obj().put("driver", driver)).put("results", results);
        return Json.write(Json.obj().put("$schema", SCHEMA).put("version", "2.1.0").put("runs", List.of(run)));
    }

    private static Json.Obj rule(RuleInfo r) {
        return Json.obj().put("id", r.id()).put("shortDescription", Json.obj().put("text", r.summary()))
                .put("fullDescription", Json.obj().put("text", r.description()))
                .put("help", Json.obj().put("text", r.helpMarkdown()).put("markdown", r.helpMarkdown()))
                .put("defaultConfiguration", Json.obj().put("level", level(r.defaultSeverity())));
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
