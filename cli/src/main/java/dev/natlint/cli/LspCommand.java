package dev.natlint.cli;

import dev.natlint.NatLint;
import dev.natlint.lsp.LspMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Run the natlint language server on standard input and output (for editors).",
                "Diagnostics, quick fixes, flow tables on hover, go to definition and an outline for *.rsc files."})
final class LspCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return LspMain.runOnStdio(NatLint.builder().build());
    }
}
