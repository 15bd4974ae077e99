package dev.natlint.maven;

import dev.natlint.NatLint;
import dev.natlint.NatLintException;
import dev.natlint.ReportCache;
import dev.natlint.SourceFiles;
import dev.natlint.baseline.Baseline;
import dev.natlint.config.Settings;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.fix.CombinedFix;
import dev.natlint.report.CheckstyleReporter;
import dev.natlint.report.FileReport;
import dev.natlint.report.GithubReporter;
import dev.natlint.report.JsonReporter;
import dev.natlint.report.JunitXmlReporter;
import dev.natlint.report.Report;
import dev.natlint.report.ReportFiles;
import dev.natlint.report.Reporter;
import dev.natlint.report.SarifReporter;
import dev.natlint.report.TextReporter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's RouterOS scripts and fails the build on findings at or above
 * {@code failOnSeverity}, printing each with its fix and its rule's page the way Checkstyle prints
 * violations. Every parameter is checked before any script is read. Settings in {@code natlint.toml}
 * (the nearest one in or above the project directory, or {@code configFile}) apply first; the
 * parameters below override them. As always in Maven, a value in the POM's {@code <configuration>}
 * wins over the same {@code -D} user property.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** Report files by format: the name each gets under {@code outputDirectory}. */
    static final Map<String, String> OUTPUT_FILES = outputFiles();

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /**
     * Directories searched for scripts. Default: {@code src/main/routeros}. Each must exist and hold at
     * least one script, unless {@code allowEmpty} is set.
     */
    @Parameter(property = "natlint.sourceDirectories")
    List<File> sourceDirectories;

    /**
     * Globs of the files to check, relative to each source directory and matched case-insensitively.
     * Default: {@code **}{@code /*.rsc}.
     */
    @Parameter(property = "natlint.includes", defaultValue = "**/*.rsc")
    List<String> includes;

    /** Globs of files not to check, relative to each source directory; added to natlint.toml's {@code exclude}. */
    @Parameter(property = "natlint.excludes")
    List<String> excludes;

    /**
     * Fail the build on findings at or above this severity: {@code error}, {@code warning}, {@code info}
     * or {@code none}. Default: natlint.toml's {@code fail-on}, else {@code error}.
     */
    @Parameter(property = "natlint.failOnSeverity")
    String failOnSeverity;

    /** Skip the check altogether. */
    @Parameter(property = "natlint.skip", defaultValue = "false")
    boolean skip;

    /** Rule ids to turn off, added to natlint.toml's {@code disable}; an unknown id fails the build. */
    @Parameter(property = "natlint.disabledRules")
    List<String> disabledRules;

    /**
     * Per-rule severities, e.g. {@code <masquerade-unrestricted>error</masquerade-unrestricted>}. On the
     * command line: {@code -Dnatlint.severities=id=level,id=level}; entries given here win over it.
     */
    @Parameter
    Map<String, String> severities;

    /** The {@code natlint.severities} user property, read through {@link #severities}' documentation. */
    @Parameter(defaultValue = "${natlint.severities}", readonly = true)
    String severitiesProperty;

    /**
     * Report files to write under {@code outputDirectory}: {@code sarif} (natlint.sarif), {@code json}
     * (natlint.json), {@code text} (natlint.text), {@code github} (natlint.github.txt),
     * {@code checkstyle} (natlint-checkstyle.xml), {@code junit} (TEST-natlint.xml).
     */
    @Parameter(property = "natlint.outputFormats")
    List<String> outputFormats;

    /** Print each finding's fix under it in the build log. */
    @Parameter(property = "natlint.printFixes", defaultValue = "true")
    boolean printFixes;

    /** Where report files go. */
    @Parameter(property = "natlint.outputDirectory", defaultValue = "${project.build.directory}/natlint", required = true)
    File outputDirectory;

    /** Succeed when a source directory is missing or holds no script (by default that fails the build). */
    @Parameter(property = "natlint.allowEmpty", defaultValue = "false")
    boolean allowEmpty;

    /** Also warn about {@code natlint:ignore} comments that silenced nothing (rule {@code suppression}). */
    @Parameter(property = "natlint.reportUnusedSuppressions", defaultValue = "false")
    boolean reportUnusedSuppressions;

    /**
     * A baseline file written by {@code natlint check --write-baseline}: findings it accepts are not
     * reported. Default: natlint.toml's {@code baseline}.
     */
    @Parameter(property = "natlint.baseline")
    File baseline;

    /** The settings file. Default: the nearest {@code natlint.toml} in or above the project directory. */
    @Parameter(property = "natlint.config")
    File configFile;

    /**
     * Keep each script's findings in {@code outputDirectory/cache} and read them back while neither the
     * script nor natlint nor any setting changed, instead of analysing the script again. Reports are the
     * same with and without it; {@code -Dnatlint.cache=false} turns it off.
     */
    @Parameter(property = "natlint.cache", defaultValue = "true")
    boolean cache;

    /** The plugin's own jars and those of any rules added as plugin dependencies: part of the cache key. */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true)
    List<Artifact> pluginArtifacts;

    private static Map<String, String> outputFiles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sarif", "natlint.sarif");
        m.put("json", "natlint.json");
        m.put("text", "natlint.text");
        m.put("github", "natlint.github.txt");
        m.put("checkstyle", "natlint-checkstyle.xml");
        m.put("junit", "TEST-natlint.xml");
        return m;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("natlint: skipped");
            return;
        }
        // everything the user can get wrong is checked before the first script is read
        List<String> formats = formats();
        Settings settings = settings();
        Severity threshold;
        try {
            threshold = settings.threshold(failOnSeverity);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("natlint: failOnSeverity must be error, warning, info or none, not '"
                    + failOnSeverity + "'");
        }
        NatLint lint = configure(settings);
        Baseline accepted = readBaseline(settings);
        List<Path> dirs = sourceDirectories();
        if (dirs.isEmpty()) {
            return;
        }
        FindingsCache kept = cache ? new FindingsCache(outputDirectory.toPath().resolve("cache"),
                CacheKey.of(lint, settings, baselineFile(settings), formats, pluginArtifacts, includes, excludes,
                reportUnusedSuppressions, printFixes, basedir.toPath())) : null;
        long start = System.nanoTime();
        Report report;
        try {
            // a slow script is named as it finishes, so a long build does not look stuck
            report = lint.check(dirs, new SlowScripts(getLog()::info), kept == null ? ReportCache.NONE : kept);
        } catch (NatLintException e) {
            throw new MojoExecutionException("natlint: " + e.getMessage() + (e.nothingToCheck()
                    ? "; set <allowEmpty>true</allowEmpty> or -Dnatlint.allowEmpty to accept that" : ""));
        }
        long checked = System.nanoTime();
        if (kept != null && kept.reused() > 0) {
            int n = report.files().size();
            getLog().info("natlint: " + kept.reused() + " of " + n + (n == 1 ? " script" : " scripts")
                    + " unchanged since the last build; findings read from " + relative(outputDirectory.toPath().resolve("cache")));
        }
        if (accepted != null) {
            Baseline.Filtered filtered = accepted.filter(report);
            report = filtered.report();
            if (filtered.accepted() > 0) {
                getLog().info("natlint: " + filtered.accepted() + (filtered.accepted() == 1 ? " finding" : " findings")
                        + " accepted in the baseline not shown");
            }
        }
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
                log(finding.severity(), "    " + TextReporter.docLine(finding));
            }
        }
        getLog().info("natlint: " + TextReporter.summary(report));
        long logged = System.nanoTime();
        writeReports(report, formats);
        long reports = System.nanoTime();
        writeFixScripts(lint, report, kept);
        long fixes = System.nanoTime();
        if (kept != null) {
            kept.flush().forEach(p -> getLog().warn("natlint: " + p + " (the next build checks every script again)"));
        }
        if (getLog().isDebugEnabled()) {
            getLog().debug(String.format(Locale.ROOT, "natlint: check %.3f s, log %.3f s, reports %.3f s, fix scripts %.3f s,"
                    + " cache %.3f s", (checked - start) / 1e9, (logged - checked) / 1e9, (reports - logged) / 1e9,
                    (fixes - reports) / 1e9, (System.nanoTime() - fixes) / 1e9));
        }
        if (threshold != null && report.hasFindingsAtLeast(threshold)) {
            throw new MojoFailureException("natlint found " + counts(report) + " (failOnSeverity="
                    + threshold.label() + "); see the findings above");
        }
    }

    private List<String> formats() throws MojoExecutionException {
        List<String> out = new ArrayList<>();
        if (outputFormats == null) {
            return out;
        }
        for (String format : outputFormats) {
            String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
            if (f.isEmpty()) {
                continue;
            }
            if (!OUTPUT_FILES.containsKey(f)) {
                throw new MojoExecutionException("natlint: unknown output format '" + format + "' in outputFormats ("
                        + String.join(", ", OUTPUT_FILES.keySet()) + ")");
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private Settings settings() throws MojoExecutionException {
        try {
            if (configFile != null) {
                if (!configFile.isFile()) {
                    throw new MojoExecutionException("natlint: configFile " + relative(configFile.toPath()) + " does not exist");
                }
                return Settings.load(configFile.toPath());
            }
            Path found = Settings.find(basedir.toPath()).orElse(null);
            return found == null ? Settings.NONE : Settings.load(found);
        } catch (NatLintException e) {
            throw new MojoExecutionException("natlint: " + e.getMessage());
        }
    }

    private Path baselineFile(Settings settings) {
        return baseline != null ? baseline.toPath() : settings.baseline();
    }

    private Baseline readBaseline(Settings settings) throws MojoExecutionException {
        Path file = baselineFile(settings);
        if (file == null) {
            return null;
        }
        try {
            return Baseline.read(file);
        } catch (NatLintException e) {
            throw new MojoExecutionException("natlint: " + e.getMessage());
        }
    }

    private NatLint configure(Settings settings) throws MojoExecutionException {
        NatLint.Builder b = settings.applyTo(NatLint.builder().baseDirectory(basedir.toPath()));
        try {
            if (disabledRules != null) {
                disabledRules.stream().filter(s -> s != null && !s.isBlank()).forEach(s -> b.disable(s.trim()));
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
            if (severities != null) {
                severities.forEach((id, level) -> b.severity(id, Severity.parse(level)));
            }
            if (includes != null) {
                includes.forEach(b::include);
            }
            if (excludes != null) {
                excludes.forEach(b::exclude);
            }
            return b.allowEmpty(allowEmpty).reportUnusedSuppressions(reportUnusedSuppressions).build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("natlint: " + e.getMessage());
        }
    }

    /**
     * The source directories that exist. A missing one fails the build, naming it, unless
     * {@code allowEmpty}; then it is skipped with a note.
     */
    private List<Path> sourceDirectories() throws MojoExecutionException {
        List<File> dirs = sourceDirectories == null || sourceDirectories.isEmpty()
                ? List.of(new File(basedir, "src/main/routeros")) : sourceDirectories;
        List<Path> out = new ArrayList<>();
        for (File dir : dirs) {
            if (dir.isDirectory()) {
                out.add(dir.toPath());
                continue;
            }
            String what = "source directory " + relative(dir.toPath()) + (dir.exists() ? " is not a directory" : " does not exist");
            if (!allowEmpty) {
                String filters = new SourceFiles.Filter(includes, excludes).describe();
                throw new MojoExecutionException("natlint: nothing to check: " + what + " (" + filters
                        + "); set <allowEmpty>true</allowEmpty> or -Dnatlint.allowEmpty to accept that");
            }
            getLog().info("natlint: " + what + "; nothing to check there (allowEmpty)");
        }
        return out;
    }

    private void writeReports(Report report, List<String> formats) throws MojoExecutionException {
        for (String f : formats) {
            Reporter reporter = switch (f) {
                case "sarif" -> new SarifReporter(NatLint.version());
                case "json" -> new JsonReporter();
                case "github" -> new GithubReporter();
                case "checkstyle" -> new CheckstyleReporter();
                case "junit" -> new JunitXmlReporter();
                default -> new TextReporter(false, printFixes);
            };
            Path target = outputDirectory.toPath().resolve(OUTPUT_FILES.get(f));
            try {
                ReportFiles.writeAtomically(target, reporter.render(report));
                getLog().info("natlint: wrote " + relative(target));
            } catch (IOException e) {
                throw new MojoExecutionException("natlint: cannot write " + relative(target) + ": " + SourceFiles.describe(e));
            }
        }
    }

    /**
     * {@code target/natlint/<script>.fix.rsc} for every script with a fix: all its fixes as one script to
     * import, checked by analysing the script with it appended (see {@link CombinedFix}).
     */
    private void writeFixScripts(NatLint lint, Report report, FindingsCache kept) throws MojoExecutionException {
        for (FileReport checked : report.files()) {
            if (checked.findings().stream().noneMatch(x -> x.fix() != null)) {
                continue;
            }
            // report paths are relative to the project directory when the script is below it
            Path file = basedir.toPath().resolve(checked.path());
            String display = checked.path();
            String name = file.getFileName().toString().replaceFirst("(?i)\\.rsc$", "") + ".fix.rsc";
            Path target = outputDirectory.toPath().resolve(name);
            try {
                String text = NatLint.readScript(file);
                Map.Entry<String, Boolean> fix = kept == null ? null : kept.fixScript(display, text).orElse(null);
                if (fix == null) {
                    CombinedFix combined = CombinedFix.of(lint, display, text);
                    fix = Map.entry(combined.render(display), combined.proven());
                    if (kept != null) {
                        kept.storeFixScript(display, text, fix.getKey(), fix.getValue());
                    }
                }
                ReportFiles.writeAtomically(target, fix.getKey());
                String msg = "natlint: wrote " + relative(target) + (fix.getValue() ? " (every fix, checked)"
                        : " (NOT PROVEN: see the file's header)");
                if (fix.getValue()) {
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
