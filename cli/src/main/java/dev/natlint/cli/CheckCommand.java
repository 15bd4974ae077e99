package dev.natlint.cli;

import dev.natlint.NatLint;
import dev.natlint.NatLintException;
import dev.natlint.SourceFiles;
import dev.natlint.baseline.Baseline;
import dev.natlint.config.Settings;
import dev.natlint.diag.Severity;
import dev.natlint.report.CheckstyleReporter;
import dev.natlint.report.GithubReporter;
import dev.natlint.report.JsonReporter;
import dev.natlint.report.JunitXmlReporter;
import dev.natlint.report.Report;
import dev.natlint.report.ReportFiles;
import dev.natlint.report.SarifReporter;
import dev.natlint.report.TextReporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true, description = "Check scripts and print findings with fixes.",
        footer = {"", "Settings come from natlint.toml (the nearest one in or above the first PATH, or --config);"
                + " options given here override it."})
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json, sarif, github, checkstyle, junit }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", description = "text, json, sarif, github, checkstyle or junit (default: ${DEFAULT-VALUE})",
            defaultValue = "text")
    Format format;

    @Option(names = {"-o", "--output"}, description = "write the report to FILE instead of standard output")
    Path output;

    @Option(names = "--fail-on", description = "error, warning, info or none: exit 1 on findings at or above it"
            + " (default: natlint.toml's fail-on, else error)")
    String failOn;

    @Option(names = "--disable", paramLabel = "ID", description = "turn a rule off (repeatable)")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "ID=LEVEL", description = "change a rule's severity (repeatable)")
    List<String> severities = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "skip files matching GLOB, relative to each"
            + " directory searched (repeatable; adds to natlint.toml's exclude)")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "no progress line on stderr (shown only on a terminal, for runs"
            + " over two seconds)")
    boolean quiet;

    @Option(names = "--no-fixes", description = "do not print fix snippets in text output")
    boolean noFixes;

    @Option(names = "--color", description = "auto, always or never (default: ${DEFAULT-VALUE})", defaultValue = "auto")
    String color;

    @Option(names = "--config", paramLabel = "FILE", description = "read settings from FILE instead of the nearest natlint.toml")
    Path config;

    @Option(names = "--allow-empty", description = "succeed when a PATH holds no script (by default that is an error)")
    boolean allowEmpty;

    @Option(names = "--report-unused-suppressions", description = "warn about natlint:ignore comments that silenced nothing")
    boolean reportUnusedSuppressions;

    @Option(names = "--baseline", paramLabel = "FILE", description = "report only findings not accepted in FILE")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "accept every current finding: write them to FILE and exit 0")
    Path writeBaseline;

    @Option(names = "--docs-url", paramLabel = "URL", description = "absolute URL where rules/docs/ is published;"
            + " gives SARIF rules a helpUri")
    String docsUrl;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, or directories searched for *.rsc")
    List<Path> paths;

    @Override
    public Integer call() {
        CommandLine.Model.CommandSpec s = spec;
        java.io.PrintWriter err = s.commandLine().getErr();
        Settings settings;
        try {
            settings = settings();
        } catch (NatLintException e) {
            err.println("natlint: " + e.getMessage());
            return Main.USAGE;
        }
        Severity threshold;
        NatLint lint;
        try {
            threshold = settings.threshold(failOn);
            NatLint.Builder b = settings.applyTo(NatLint.builder());
            disabled.forEach(b::disable);
            excludes.forEach(b::exclude);
            for (String sev : severities) {
                int eq = sev.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--severity takes ID=LEVEL, got '" + sev + "'");
                }
                b.severity(sev.substring(0, eq), Severity.parse(sev.substring(eq + 1)));
            }
            lint = b.allowEmpty(allowEmpty).reportUnusedSuppressions(reportUnusedSuppressions).build();
            if (docsUrl != null) {
                new SarifReporter(null, null, docsUrl); // validates the URL before any file is read
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(s.commandLine(), e.getMessage());
        }
        Path baselineFile = baseline != null ? baseline : settings.baseline();
        Baseline accepted = null;
        Report report;
        try {
            if (baselineFile != null && writeBaseline == null) {
                accepted = Baseline.read(baselineFile);
            }
            ProgressLine line = quiet || !ProgressLine.stderrIsTerminal() ? null : new ProgressLine(err).ticking();
            try {
                report = line == null ? lint.check(paths) : lint.check(paths, line);
            } finally {
                if (line != null) {
                    line.clear();
                }
            }
        } catch (NatLintException e) {
            err.println("natlint: " + e.getMessage() + (e.nothingToCheck() ? "; pass --allow-empty to accept that" : ""));
            return Main.USAGE;
        }
        if (writeBaseline != null) {
            try {
                ReportFiles.writeAtomically(writeBaseline, Baseline.of(report).render());
            } catch (IOException e) {
                err.println("natlint: cannot write " + writeBaseline + ": " + SourceFiles.describe(e));
                return Main.USAGE;
            }
            int n = report.allFindings().size();
            err.println("natlint: wrote " + n + (n == 1 ? " finding" : " findings") + " to " + writeBaseline);
            return Main.OK;
        }
        if (accepted != null) {
            Baseline.Filtered filtered = accepted.filter(report);
            report = filtered.report();
            if (filtered.accepted() > 0) {
                err.println("natlint: " + filtered.accepted() + (filtered.accepted() == 1 ? " finding" : " findings")
                        + " accepted in " + baselineFile + " not shown");
            }
        }
        String text = switch (format) {
            case json -> new JsonReporter().render(report);
            case sarif -> new SarifReporter(NatLint.version(), null, docsUrl).render(report);
            case github -> new GithubReporter().render(report);
            case checkstyle -> new CheckstyleReporter().render(report);
            case junit -> new JunitXmlReporter().render(report);
            case text -> new TextReporter(colour(), !noFixes).render(report);
        };
        try {
            Output.write(text, output, s.commandLine().getOut());
        } catch (IOException e) {
            err.println("natlint: cannot write " + output + ": " + SourceFiles.describe(e));
            return Main.USAGE;
        }
        return threshold != null && report.hasFindingsAtLeast(threshold) ? Main.FINDINGS : Main.OK;
    }

    private Settings settings() throws NatLintException {
        if (config != null) {
            return Settings.load(config);
        }
        Path file = Settings.find(paths.get(0)).orElse(null);
        return file == null ? Settings.NONE : Settings.load(file);
    }

    private boolean colour() {
        return switch (color.toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            default -> output == null && Output.colourTerminal();
        };
    }
}
