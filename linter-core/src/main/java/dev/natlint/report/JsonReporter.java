package dev.natlint.report;

import dev.natlint.diag.Finding;
import dev.natlint.rule.RuleInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * natlint's own machine-readable format:
 * {@code {"files":[{"path":...,"findings":[{"ruleId","severity","line","column","message","fix","doc"}]}]}},
 * where {@code fix} is {@code {"description","snippet"}} or {@code null}, severity is lower-case and
 * {@code doc} is the rule's page relative to the repository root ({@code rules/docs/<id>.md}). A
 * finding whose verdict rests on assumptions also has {@code "certainty"} ({@code assumed} or
 * {@code unknown}) and {@code "assumptions": [{"line","reason","certainty"}]}.
 * Files and findings keep the order of the {@link Report}, which is already sorted.
 */
public final class JsonReporter implements Reporter {

    @Override
    public void write(Report report, Appendable out) throws IOException {
        List<Object> files = new ArrayList<>();
        for (FileReport file : report.files()) {
            List<Object> findings = new ArrayList<>();
            for (Finding f : file.findings()) {
                findings.add(finding(f));
            }
            files.add(Json.obj().put("path", file.path()).put("findings", findings));
        }
        Json.write(Json.obj().put("files", files), out);
    }

    private static Json.Obj finding(Finding f) {
        // fix is always present (null when absent) so consumers see one fixed shape per finding
        Json.Obj fix = f.fix() == null ? null
                : Json.obj().put("description", f.fix().description()).put("snippet", f.fix().snippet());
        Json.Obj o = Json.obj().put("ruleId", f.ruleId()).put("severity", f.severity().label())
                .put("line", f.location().line()).put("column", f.location().column())
                .put("message", f.message()).put("fix", fix)
                .put("doc", RuleInfo.docPath(f.ruleId()));
        // present only when the verdict is not exact, so reports of exact verdicts keep their shape
        if (!f.assumptions().isEmpty()) {
            o.put("certainty", f.certainty().id()).put("assumptions", Json.assumptions(f.assumptions()));
        }
        return o;
    }
}
