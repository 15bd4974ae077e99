package dev.natlint.cli;

import dev.natlint.NatLint;
import dev.natlint.NatLintException;
import dev.natlint.report.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Reading the one script of explain/trace, and writing to standard output or (atomically) a file. */
final class Output {

    private Output() {
    }

    static void write(String text, Path file, PrintWriter out) throws IOException {
        if (file == null) {
            out.print(text);
            out.flush();
            return;
        }
        ReportFiles.writeAtomically(file, text);
    }

    /** The script's text, or null after a one-line message on standard error. */
    static String readScript(CommandLine.Model.CommandSpec spec, Path file) {
        try {
            return NatLint.readScript(file);
        } catch (NatLintException e) {
            spec.commandLine().getErr().println("natlint: " + e.getMessage());
            return null;
        }
    }

    /** Colour only for a person at a terminal, and never when NO_COLOR is set. */
    static boolean colourTerminal() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }
}
