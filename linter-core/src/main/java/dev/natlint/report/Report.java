package dev.natlint.report;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.rule.RuleInfo;
import java.util.Comparator;
import java.util.List;

/** Everything one natlint run found, in a deterministic order, plus the rules that were active. */
public record Report(List<FileReport> files, List<RuleInfo> rules) {

    public Report {
        files = files.stream().sorted(Comparator.comparing(FileReport::path)).toList();
        rules = rules.stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
    }

    public List<Finding> allFindings() {
        return files.stream().flatMap(f -> f.findings().stream()).toList();
    }

    public long count(Severity severity) {
        return allFindings().stream().filter(f -> f.severity() == severity).count();
    }

    /** True when some finding is at least as severe as {@code threshold}. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return allFindings().stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
