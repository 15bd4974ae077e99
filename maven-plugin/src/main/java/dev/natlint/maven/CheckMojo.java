package dev.natlint.maven;

import dev.natlint.NatLint;
import dev.natlint.NatLintException;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.fix.CombinedFix;
import dev.natlint.report.FileReport;
import dev.natlint.report.JsonReporter;
import dev.natlint.report.ReportFiles;
import dev.natlint.report.Report;
import dev.natlint.report.SarifReporter;
import dev.natlint.report.TextReporter;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn natlint:check}: checks the project's RouterOS scripts and fails the build on findings at
 * or above {@code failOnSeverity}, printing each with its fix the way Checkstyle prints violations.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** Directories searched for scripts; default {@code src/main/routeros}. */
    @Parameter(property = "natlint.sourceDirectories")
    List<File> sourceDirectories;

    @Parameter(property = "natlint.includes", defaultValue = "**/*.rsc")
    List<String> includes;

    @Parameter(property = "natlint.excludes")
    List<String> excludes;

    /** error, warning, info or none. */
    @Parameter(property = "natlint.failOnSeverity", defaultValue = "error")
    String failOnSeverity;

    @Parameter(property = "natlint.skip", defaultValue = "false")
    boolean skip;

    @Parameter(property = "natlint.disabledRules")
    List<String> disabledRules;

    /** Per-rule severities, e.g. {@code <masquerade-unrestricted>error</masquerade-unrestricted>}. */
    @Parameter
    Map<String, String> severities;

    /** Also as a user property: {@code -Dnatlint.severities=id=level,id=level}. */
    @Parameter(property = "natlint.severities")
    String severitiesProperty;

    /** Any of sarif, json, text; written under {@code target/natlint/}. */
    @Parameter(property = "natlint.outputFormats")
    List<String> outputFormats;

    @Parameter(property = "natlint.printFixes", defaultValue = "true")
    boolean printFixes;

    @Parameter(defaultValue = "${project.build.directory}/natlint", required = true)
    File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("natlint: skipped");
            return;
        }
        Severity threshold = threshold();
        List<Path> files = scripts();
        if (files == null) {
            return;
        }
        NatLint lint = configure();
        Report report;
        try {
            report = lint.check(files);
        } catch (NatLintException e) {
            throw new MojoExecutionException("natlint: " + e.getMessage());
        }
        TextReporter text = new TextReporter(false, printFixes);
        for (FileReport f : report.files()) {
            for (Finding finding : f.findings()) {
                String line = finding.location() + ": " + finding.message() + " [" + finding.ruleId() + "]";
                log(finding.severity(), line);
                for (String a : TextReporter.assumptionLines(finding)) {
                    log(finding.severity(), "    " + a);
                }
                if (printFixes && finding.fix() != null) {
                    log(finding.severity(), "    fix: " + finding.fix().description());
                    for (String s : finding.fix().snippet().split("\n")) {
                        log(finding.severity(), "        " + s);
                    }
                }
            }
        }
        getLog().info("natlint: " + TextReporter.summary(report));
        writeReports(report, text);
        writeFixScripts(lint, files, report);
        if (threshold != null && report.hasFindingsAtLeast(threshold)) {
            throw new MojoFailureException("natlint found " + counts(report) + " (failOnSeverity="
                    + failOnSeverity + "); see the findings above");
        }
    }

    private Severity threshold() throws MojoExecutionException {
        if (failOnSeverity.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return Severity.parse(failOnSeverity);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("natlint: failOnSeverity must be error, warning, info or none, not '"
                    + failOnSeverity + "'");
        }
    }

    private NatLint configure() throws MojoExecutionException {
        NatLint.Builder b = NatLint.builder().baseDirectory(basedir.toPath());
        try {
            if (disabledRules != null) {
                disabledRules.stream().filter(s -> !s.isBlank()).forEach(s -> b.disable(s.trim()));
            }
            if (severities != null) {
                severities.forEach((id, level) -> b.severity(id, Severity.parse(level)));
            }
            if (severitiesProperty != null && !severitiesProperty.isBlank()) {
                for (String pair : severitiesProperty.split(",")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("natlint.severities takes id=level pairs, got '" + pair + "'");
                    }
                    b.severity(kv[0].trim(), Severity.parse(kv[1]));
                }
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("natlint: " + e.getMessage());
        }
    }

    /** The scripts to check, or null (after saying why) when there is nothing to check. */
    private List<Path> scripts() throws MojoExecutionException {
        List<File> dirs = sourceDirectories == null || sourceDirectories.isEmpty()
                ? List.of(new File(basedir, "src/main/routeros")) : sourceDirectories;
        List<Path> files = new ArrayList<>();
        boolean anyDir = false;
        for (File dir : dirs) {
            if (!dir.isDirectory()) {
                getLog().info("natlint: source directory " + relative(dir.toPath()) + " does not exist; nothing to check there");
                continue;
            }
            anyDir = true;
            Path root = dir.toPath();
            List<PathMatcher> in = matchers(includes == null || includes.isEmpty() ? List.of("**/*.rsc") : includes);
            List<PathMatcher> out = matchers(excludes == null ? List.of() : excludes);
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).sorted().forEach(p -> {
                    Path rel = root.relativize(p);
                    if (in.stream().anyMatch(m -> m.matches(rel)) && out.stream().noneMatch(m -> m.matches(rel))) {
                        files.add(p);
                    }
                });
            } catch (IOException e) {
                throw new MojoExecutionException("natlint: cannot read " + relative(root) + ": " + e.getMessage());
            }
        }
        if (!anyDir) {
            return null;
        }
        if (files.isEmpty()) {
            getLog().info("natlint: no scripts matched " + includes);
            return null;
        }
        return files;
    }

    /** Ant-style globs; "**&#47;" also matches no directory at all, as users expect. */
    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        for (String g : globs) {
            if (g == null || g.isBlank()) {
                continue;
            }
            String glob = g.trim().replace('\\', '/');
            out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        return out;
    }

    private void writeReports(Report report, TextReporter text) throws MojoExecutionException {
        if (outputFormats == null) {
            return;
        }
        for (String format : outputFormats) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (f.isEmpty()) {
                continue;
            }
            String content = switch (f) {
                case "sarif" -> new SarifReporter(NatLint.version()).render(report);
                case "json" -> new JsonReporter().render(report);
                case "text" -> text.render(report);
                default -> throw new MojoExecutionException("natlint: unknown output format '" + format
                        + "' (sarif, json or text)");
            };
            Path target = outputDirectory.toPath().resolve("natlint." + f);
            try {
                ReportFiles.writeAtomically(target, content);
                getLog().info("natlint: wrote " + relative(target));
            } catch (IOException e) {
                throw new MojoExecutionException("natlint: cannot write " + target + ": " + e.getMessage());
            }
        }
    }

    /**
     * {@code target/natlint/<script>.fix.rsc} for every script with a fix: all its fixes as one script to
     * import, checked by analysing the script with it appended (see {@link CombinedFix}).
     */
    private void writeFixScripts(NatLint lint, List<Path> files, Report report) throws MojoExecutionException {
        for (Path file : files) {
            String display = lint.displayPath(file);
            boolean hasFix = report.files().stream().anyMatch(f -> f.path().equals(display)
                    && f.findings().stream().anyMatch(x -> x.fix() != null));
            if (!hasFix) {
                continue;
            }
            String name = file.getFileName().toString().replaceFirst("(?i)\\.rsc$", "") + ".fix.rsc";
            Path target = outputDirectory.toPath().resolve(name);
            try {
                CombinedFix fix = CombinedFix.of(lint, display, NatLint.readScript(file));
                ReportFiles.writeAtomically(target, fix.render(display));
                String msg = "natlint: wrote " + relative(target) + (fix.proven() ? " (every fix, checked)"
                        : " (NOT PROVEN: see the file's header)");
                if (fix.proven()) {
                    getLog().info(msg);
                } else {
                    getLog().warn(msg);
                }
            } catch (IOException | NatLintException e) {
                throw new MojoExecutionException("natlint: cannot write " + target + ": " + e.getMessage());
            }
        }
    }

    private void log(Severity s, String line) {
        switch (s) {
            case ERROR -> getLog().error(line);
            case WARNING -> getLog().warn(line);
            case INFO -> getLog().info(line);
        }
    }

    private static String counts(Report r) {
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = r.count(s);
            if (n > 0) {
                parts.add(n + " " + s.label() + (n == 1 ? "" : "s"));
            }
        }
        return String.join(", ", parts);
    }

    private String relative(Path p) {
        Path base = basedir.toPath().toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
