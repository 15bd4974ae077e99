package dev.natlint.cli;

import dev.natlint.NatLint;
import dev.natlint.flow.Flow;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.net.Ipv4;
import dev.natlint.report.FlowReport;
import dev.natlint.report.Json;
import dev.natlint.rule.RuleContext;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Follow one connection and its reply through the router; exit 0 when it works, 1 when not.")
final class TraceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "IP", description = "client address")
    String from;

    @Option(names = "--to", required = true, paramLabel = "IP", description = "address the client connects to")
    String to;

    @Option(names = "--protocol", defaultValue = "tcp", description = "tcp or udp (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--port", required = true, paramLabel = "N", description = "destination port")
    int port;

    @Option(names = "--in-interface", paramLabel = "NAME",
            description = "interface the packet arrives on (default: from the client's subnet, else the WAN)")
    String inInterface;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Parameters(paramLabel = "FILE", description = "the script")
    Path file;

    @Override
    public Integer call() {
        long src = Ipv4.parse(from).orElseThrow(() -> usage("--from is not an IPv4 address: " + from));
        long dst = Ipv4.parse(to).orElseThrow(() -> usage("--to is not an IPv4 address: " + to));
        int proto = switch (protocol.toLowerCase(Locale.ROOT)) {
            case "tcp" -> 6;
            case "udp" -> 17;
            default -> throw usage("--protocol must be tcp or udp");
        };
        if (port < 0 || port > 65535) {
            throw usage("--port must be 0-65535");
        }
        String text = Output.readScript(spec, file);
        if (text == null) {
            return Main.USAGE;
        }
        FlowAnalyzer analyzer = RuleContext.of(NatLint.builder().build().displayPath(file), text).analyzer();
        if (inInterface != null && !analyzer.topology().allInterfaces().contains(inInterface)) {
            throw usage("no interface named " + inInterface + " in " + file);
        }
        Optional<Flow> flow = analyzer.trace(src, dst, proto, port, inInterface);
        if (flow.isEmpty()) {
            spec.commandLine().getErr().println("natlint: cannot tell which interface " + from
                    + " arrives on; pass --in-interface");
            return Main.USAGE;
        }
        Flow f = flow.get();
        if (format.equals("json")) {
            spec.commandLine().getOut().print(Json.write(FlowReport.flowJson(analyzer.space(), f)));
        } else {
            spec.commandLine().getOut().print("in-interface " + f.source().iface() + "\n"
                    + FlowReport.table(f.steps(), "") + "verdict: " + f.verdict().id() + "\n");
            f.assumptions().forEach(a -> spec.commandLine().getOut().println("assumption: " + a.describe()));
        }
        spec.commandLine().getOut().flush();
        return f.works() ? Main.OK : Main.FINDINGS;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
