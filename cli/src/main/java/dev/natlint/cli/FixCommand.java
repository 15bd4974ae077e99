package dev.natlint.cli;

import dev.natlint.NatLint;
import dev.natlint.fix.CombinedFix;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code natlint fix FILE}: every fix for the file as one script to import, printed only after natlint
 * analysed the file with it appended and saw it remove every finding that has a fix and add none.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Print one script with every fix for FILE, de-duplicated and ordered, to append or import.",
                "It is checked first: with it appended, every finding that has a fix is gone and none is new.",
                "Exit 0: proven (or nothing to fix); 1: the check failed (the script is printed, the reasons go"
                        + " to standard error); 2: usage or I/O error."})
final class FixCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the script (never modified)")
    Path file;

    @Override
    public Integer call() {
        String text = Output.readScript(spec, file);
        if (text == null) {
            return Main.USAGE;
        }
        NatLint lint = NatLint.builder().build();
        String path = lint.displayPath(file);
        CombinedFix fix = CombinedFix.of(lint, path, text);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.print(fix.render(path));
        out.flush();
        if (fix.proven()) {
            return Main.OK;
        }
        fix.remaining().forEach(k -> err.println("natlint: " + path + ":" + k + " is still found with the fix script appended"));
        fix.introduced().forEach(k -> err.println("natlint: " + path + ":" + k + " (new with the fix script appended)"));
        err.flush();
        return Main.FINDINGS;
    }
}
