package dev.natlint.report;

import dev.natlint.diag.Finding;
import java.util.List;
import java.util.Map;

/**
 * The findings for one checked file. {@code path} is the path as the user should see it (relative
 * to the working directory or repository root, with forward slashes). {@code fingerprints} gives
 * each finding's baseline fingerprint where the engine computed one (see
 * {@link dev.natlint.baseline.Baseline}).
 */
public record FileReport(String path, List<Finding> findings, Map<Finding, String> fingerprints) {

    public FileReport {
        findings = findings.stream().sorted(Finding.ORDER).toList();
        fingerprints = Map.copyOf(fingerprints);
    }

    public FileReport(String path, List<Finding> findings) {
        this(path, findings, Map.of());
    }
}
