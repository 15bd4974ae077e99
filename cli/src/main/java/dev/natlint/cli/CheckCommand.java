package dev.natlint.cli;

import dev.natlint.NatLint;
import dev.natlint.NatLintException;
import dev.natlint.diag.Severity;
import dev.natlint.report.JsonReporter;
import dev.natlint.report.Report;
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

@Command(name = "check", mixinStandardHelpOptions = true, description = "Check scripts and print findings with fixes.")
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", description = "text, json or sarif (default: ${DEFAULT-VALUE})", defaultValue = "text")
    Format format;

    @Option(names = {"-o", "--output"}, description = "write the report to FILE instead of standard output")
    Path output;

    @Option(names = "--fail-on", description = "error, warning, info or none: exit 1 on findings at or above it"
            + " (default: ${DEFAULT-VALUE})", defaultValue = "error")
    String failOn;

    @Option(names = "--disable", paramLabel = "ID", description = "turn a rule off (repeatable)")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "ID=LEVEL", description = "change a rule's severity (repeatable)")
    List<String> severities = new ArrayList<>();

    @Option(names = "--no-fixes", description = "do not print fix snippets in text output")
    boolean noFixes;

    @Option(names = "--color", description = "auto, always or never (default: ${DEFAULT-VALUE})", defaultValue = "auto")
    String color;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, or directories searched for *.rsc")
    List<Path> paths;

    @Override
    public Integer call() {
        Severity threshold;
        NatLint lint;
        try {
            threshold = failOn.equalsIgnoreCase("none") ? null : Severity.parse(failOn);
            NatLint.Builder b = NatLint.builder();
            disabled.forEach(b::disable);
            for (String s : severities) {
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--severity takes ID=LEVEL, got '" + s + "'");
                }
                b.severity(s.substring(0, eq), Severity.parse(s.substring(eq + 1)));
            }
            lint = b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Report report;
        try {
            report = lint.check(paths);
        } catch (NatLintException e) {
            spec.commandLine().getErr().println("natlint: " + e.getMessage());
            return Main.USAGE;
        }
        String text = switch (format) {
            case json -> new JsonReporter().render(report);
            case sarif -> new SarifReporter(NatLint.version()).render(report);
            case text -> new TextReporter(colour(), !noFixes).render(report);
        };
        try {
            Output.write(text, output, spec.commandLine().getOut());
        } catch (IOException e) {
            spec.commandLine().getErr().println("natlint: cannot write " + output + ": " + e.getMessage());
            return Main.USAGE;
        }
        return threshold != null && report.hasFindingsAtLeast(threshold) ? Main.FINDINGS : Main.OK;
    }

    private boolean colour() {
        return switch (color.toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            default -> output == null && Output.colourTerminal();
        };
    }
}
