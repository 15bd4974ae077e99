package dev.natlint.lsp;

import dev.natlint.NatLint;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** {@code natlint lsp}: the language server on standard input and output. */
public final class LspMain {

    private LspMain() {
    }

    public static void main(String[] args) {
        System.exit(runOnStdio(NatLint.builder().build()));
    }

    /**
     * Serves on the process's standard streams until the client exits or closes the input. Anything else
     * printing to standard output would corrupt the protocol, so {@code System.out} goes to standard
     * error while the server runs.
     */
    public static int runOnStdio(NatLint natLint) {
        InputStream in = System.in;
        PrintStream out = System.out;
        System.setOut(System.err);
        // LSP4J reports a client's protocol slips (an unknown notification) through java.util.logging;
        // they are not the user's problem, and the editor shows stderr as noise
        Logger.getLogger("org.eclipse.lsp4j").setLevel(Level.OFF);
        try {
            return run(natLint, in, out);
        } finally {
            System.setOut(out);
        }
    }

    /** Serves on the given streams; returns the exit code: 0 after shutdown and exit, 1 otherwise. */
    public static int run(NatLint natLint, InputStream in, OutputStream out) {
        NatLintLanguageServer server = new NatLintLanguageServer(natLint);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        server.onExit(() -> listening.cancel(true));
        try {
            listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // the input broke off (the editor went away), or the client sent exit
        } finally {
            server.close();
        }
        return server.shutdownRequested() ? 0 : 1;
    }
}
