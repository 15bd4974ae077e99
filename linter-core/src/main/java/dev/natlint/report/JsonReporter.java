package dev.natlint.report;

import dev.natlint.diag.Finding;
import java.util.ArrayList;
import java.util.List;

/** {@code {"files":[{"path":...,"findings":[{"ruleId","severity","line","column","message","fix"}]}]}}. */
public final class JsonReporter {

    public String render(Report report) {
        List<Object> files = new ArrayList<>();
        for (FileReport file : report.files()) {
            List<Object> findings = new ArrayList<>();
            for (Finding f : file.findings()) {
                findings.add(Json.obj().put("ruleId", f.ruleId()).put("severity", f.severity().label())
                        .put("line", f.location().line()).put("column", f.location().column())
                        .put("message", f.message()).put("fix", f.fix() == null ? null
                                : Json.obj().put("description", f.fix().description()).put("snippet", f.fix().snippet())));
            }
            files.add(Json.obj().put("path", file.path()).put("findings", findings));
        }
        return Json.write(Json.obj().put("files", files));
    }
}
