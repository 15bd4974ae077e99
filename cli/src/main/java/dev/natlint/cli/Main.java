package dev.natlint.cli;

import dev.natlint.NatLint;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code natlint}: check RouterOS scripts, explain their port forwards, trace one packet. */
@Command(name = "natlint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {CheckCommand.class, ExplainCommand.class, TraceCommand.class, FixCommand.class, RulesCommand.class,
                LspCommand.class, CommandLine.HelpCommand.class},
        description = {"Finds NAT and hairpin mistakes in MikroTik RouterOS scripts before they reach a router.",
                "Plain 'natlint PATH...' is 'natlint check PATH...'."},
        footer = {"", "Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or I/O error"
                + " (also when a PATH holds no script, unless --allow-empty)."})
public final class Main implements Runnable {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;

    private static final Set<String> FIRST_WORDS = Set.of("check", "explain", "trace", "fix", "rules", "lsp", "help",
            "-h", "--help", "-V", "--version");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command or PATH");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs natlint as the command line would; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        List<String> argv = new ArrayList<>(Arrays.asList(args));
        if (!argv.isEmpty() && !FIRST_WORDS.contains(argv.get(0))) {
            argv.add(0, "check");
        }
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // a bug in natlint must still end in one line and a defined exit code
            err.println("natlint: internal error: " + e);
            return USAGE;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("natlint: " + e.getMessage());
            err.println("Try 'natlint --help' for more information.");
            return USAGE;
        });
        int code = cl.execute(argv.toArray(String[]::new));
        out.flush();
        err.flush();
        return code;
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"natlint " + NatLint.version()};
        }
    }
}
