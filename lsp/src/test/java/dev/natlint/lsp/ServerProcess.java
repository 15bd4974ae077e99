package dev.natlint.lsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A language server in a JVM of its own, driven over its real standard streams by LSP4J's client
 * launcher: what an editor does, without the editor.
 */
final class ServerProcess implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    final Process process;
    final LanguageServer server;
    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    final List<PublishDiagnosticsParams> all = new ArrayList<>();
    private final Future<Void> listening;
    private final Path stderr;

    private ServerProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), process.getInputStream(),
                process.getOutputStream());
        this.server = launcher.getRemoteProxy();
        this.listening = launcher.startListening();
    }

    /** Starts {@code mainClass} (by default the real server, {@link LspMain}) on the test class path. */
    static ServerProcess start(Class<?> mainClass, Path tmp) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", cp,
                mainClass.getName()), tmp);
    }

    /** Starts any server command, e.g. the {@code natlint lsp} launcher. */
    static ServerProcess start(List<String> command, Path tmp) throws IOException {
        Path err = Files.createTempFile(tmp, "server", ".stderr");
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(err.toFile());
        return new ServerProcess(pb.start(), err);
    }

    void initialize() throws Exception {
        InitializeParams p = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
        edits.setDocumentChanges(true);
        ws.setWorkspaceEdit(edits);
        caps.setWorkspace(ws);
        p.setCapabilities(caps);
        server.initialize(p).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    void open(String uri, int version, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "routeros",
                version, text)));
    }

    void change(String uri, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** The diagnostics published for {@code uri} at {@code version}; fails after {@link #TIMEOUT}. */
    PublishDiagnosticsParams diagnostics(String uri, int version) throws Exception {
        return diagnostics(uri, version, TIMEOUT);
    }

    PublishDiagnosticsParams diagnostics(String uri, int version, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            PublishDiagnosticsParams p = left <= 0 ? null : published.poll(left, TimeUnit.NANOSECONDS);
            if (p == null) {
                throw new TimeoutException("no diagnostics for " + uri + " version " + version + " within " + timeout
                        + "; server alive: " + process.isAlive() + "; stderr: " + stderr());
            }
            if (p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == version) {
                return p;
            }
        }
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** shutdown, exit, and the process's exit code. */
    int shutdown() throws Exception {
        server.shutdown().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        server.exit();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new TimeoutException("server did not exit");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        listening.cancel(true);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Applies LSP text edits to {@code text}, last first so earlier offsets stay valid. */
    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> compare(b.getRange().getStart(), a.getRange().getStart()));
        String out = text;
        for (TextEdit e : sorted) {
            int from = offset(out, e.getRange().getStart());
            int to = offset(out, e.getRange().getEnd());
            out = out.substring(0, from) + e.getNewText() + out.substring(to);
        }
        return out;
    }

    private static int compare(Position a, Position b) {
        return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
                : Integer.compare(a.getCharacter(), b.getCharacter());
    }

    static int offset(String text, Position p) {
        int o = 0;
        for (int line = 0; line < p.getLine(); line++) {
            int nl = text.indexOf('\n', o);
            if (nl < 0) {
                throw new IllegalArgumentException("line " + p.getLine() + " is past the end");
            }
            o = nl + 1;
        }
        return o + p.getCharacter();
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            synchronized (all) {
                all.add(diagnostics);
            }
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
