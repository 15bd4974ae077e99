package dev.natlint.report;

import dev.natlint.diag.Finding;
import java.util.List;

/**
 * The findings for one checked file. {@code path} is the path as the user should see it (relative
 * to the working directory or repository root, with forward slashes).
 */
public record FileReport(String path, List<Finding> findings) {

    public FileReport {
        findings = findings.stream().sorted(Finding.ORDER).toList();
    }
}
