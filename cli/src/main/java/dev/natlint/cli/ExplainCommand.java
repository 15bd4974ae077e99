package dev.natlint.cli;

import dev.natlint.NatLint;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.report.FlowReport;
import dev.natlint.rule.RuleContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show every port forward's flows, from every LAN subnet and the internet, with step tables.")
final class ExplainCommand implements Callable<Integer> {

    enum Format { text, json, dot }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", description = "text, json or dot (default: ${DEFAULT-VALUE})", defaultValue = "text")
    Format format;

    @Option(names = {"-o", "--output"}, description = "write to FILE instead of standard output")
    Path output;

    @Parameters(paramLabel = "FILE", description = "the script to explain")
    Path file;

    @Override
    public Integer call() {
        String text = Output.readScript(spec, file);
        if (text == null) {
            return Main.USAGE;
        }
        RuleContext ctx = RuleContext.of(NatLint.builder().build().displayPath(file), text);
        FlowAnalyzer analyzer = ctx.analyzer();
        List<ForwardFlows> forwards = ctx.flows();
        String report = switch (format) {
            case json -> FlowReport.json(analyzer, ctx.allFlows());
            case dot -> FlowReport.dot(analyzer, ctx.allFlows());
            case text -> FlowReport.text(analyzer, forwards);
        };
        try {
            Output.write(report, output, spec.commandLine().getOut());
        } catch (IOException e) {
            spec.commandLine().getErr().println("natlint: cannot write " + output + ": " + dev.natlint.SourceFiles.describe(e));
            return Main.USAGE;
        }
        return Main.OK;
    }
}
