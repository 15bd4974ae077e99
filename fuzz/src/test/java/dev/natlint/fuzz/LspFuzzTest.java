package dev.natlint.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import dev.natlint.NatLint;
import dev.natlint.lsp.LspMain;
import dev.natlint.lsp.NatLintLanguageServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The language server ({@code natlint lsp}) as an editor drives it. Two kinds of input, told apart by
 * their first byte:
 *
 * <p><b>Documents</b> (anything not starting with {@code {} or {@code Content-}): the text is a
 * script; lines holding only a form feed ({@code \f}) separate its successive versions. An optional
 * first line {@code @L:C L:C ...} gives positions. Against the real server object, in process: the
 * first version is opened, the others sent as changes (with hover and definition requests between
 * them, as a user moving the mouse while typing), the last saved; then hover, definition, document
 * symbols and code actions (quick fixes, fix-all, everything) at the given positions and at edge
 * positions (start, end, past the end, negative); then the document is closed and asked about again.
 * Properties: no call throws, every request completes normally within {@link #BOUND_SECONDS}, the
 * last version's diagnostics are published with ranges inside the document, and closing publishes an
 * empty list.
 *
 * <p><b>JSON-RPC</b> (starting with {@code {} or {@code Content-}): each line is a message body,
 * framed with its exact {@code Content-Length} and pushed, after a well-formed {@code initialize},
 * through the real launcher's input stream ({@link LspMain#run}); from the first line starting with
 * {@code Content-}, the rest of the input is sent as it is (headers and all). Properties: the server
 * loop does not throw, a well-formed request sent afterwards (symbols of a document opened just before)
 * is answered, with a result or an error, within the bound (unless the input framed itself or sent
 * {@code exit}), and the server returns within the bound once its input closes.
 */
public class LspFuzzTest {

    /** Longer than any analysis of a fuzzed input should take, short of the fuzzer's 60 s timeout. */
    static final int BOUND_SECONDS = 40;

    private static final NatLint NATLINT = NatLint.builder().build();
    /**
     * LSP4J reports a peer's protocol slips (a malformed message, an unknown method) through
     * java.util.logging, as natlint lsp also silences them; held here so the setting is not collected.
     */
    private static final java.util.logging.Logger LSP4J_LOG = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

    static {
        LSP4J_LOG.setLevel(java.util.logging.Level.OFF);
    }
    private static final String URI = "file:///natlint-fuzz/doc.rsc";
    private static final Pattern POSITION = Pattern.compile("(-?\\d{1,10}):(-?\\d{1,10})");

    @FuzzTest(maxDuration = "30s")
    void fuzzLsp(@NotNull @WithLength(max = FuzzInput.MAX_BYTES) byte[] input) {
        lspProperties(input);
    }

    public static void lspProperties(byte[] input) {
        if (input.length > 0 && (input[0] == '{' || startsWith(input, 0, "Content-"))) {
            jsonRpc(input);
        } else {
            documents(FuzzInput.decode(input));
        }
    }

    // ---- documents, in process ----------------------------------------------------------------------

    private static void documents(String input) {
        List<Position> positions = new ArrayList<>();
        String text = input;
        if (text.startsWith("@")) {
            int nl = text.indexOf('\n');
            String header = nl < 0 ? text : text.substring(0, nl);
            text = nl < 0 ? "" : text.substring(nl + 1);
            Matcher m = POSITION.matcher(header);
            while (m.find() && positions.size() < 8) {
                positions.add(new Position(clamp(m.group(1)), clamp(m.group(2))));
            }
        }
        List<String> versions = List.of(text.split("\n\f\n", -1));
        String last = versions.get(versions.size() - 1);
        positions.add(new Position(0, 0));
        positions.add(new Position(lineCount(last) - 1, 0));
        positions.add(new Position(lineCount(last), 3));
        positions.add(new Position(-1, -1));
        positions.add(new Position(Integer.MAX_VALUE, Integer.MAX_VALUE));

        Client client = new Client();
        NatLintLanguageServer server = new NatLintLanguageServer(NATLINT);
        try {
            server.connect(client);
            await(server.initialize(new InitializeParams()), "initialize");
            var docs = server.getTextDocumentService();
            docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "routeros", 1, versions.get(0))));
            for (int v = 1; v < versions.size(); v++) {
                docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, v + 1),
                        List.of(new TextDocumentContentChangeEvent(versions.get(v)))));
                // a request made stale by the next edit still completes (with the newer version's answer)
                Position p = positions.get(v % positions.size());
                pending(docs.hover(new HoverParams(id(), p)), docs.definition(new DefinitionParams(id(), p)));
            }
            docs.didSave(new DidSaveTextDocumentParams(id()));
            int version = versions.size();
            for (Position p : positions) {
                await(docs.hover(new HoverParams(id(), p)), "hover at " + p);
                await(docs.definition(new DefinitionParams(id(), p)), "definition at " + p);
            }
            await(docs.documentSymbol(new DocumentSymbolParams(id())), "documentSymbol");
            for (int i = 0; i < positions.size(); i++) {
                Range r = new Range(positions.get(i), positions.get((i + 1) % positions.size()));
                List<String> only = switch (i % 3) {
                    case 0 -> null;
                    case 1 -> List.of(CodeActionKind.QuickFix);
                    default -> List.of(CodeActionKind.SourceFixAll);
                };
                await(docs.codeAction(new CodeActionParams(id(), r, new CodeActionContext(List.of(), only))),
                        "codeAction " + r + " " + only);
            }
            flushPending();
            PublishDiagnosticsParams published = client.awaitVersion(version);
            int lines = lineCount(last);
            for (Diagnostic d : published.getDiagnostics()) {
                Range r = d.getRange();
                assertThat(r.getStart().getLine()).as("start line of %s (document of %d lines)", d, lines)
                        .isBetween(0, lines);
                assertThat(r.getEnd().getLine()).as("end line of %s (document of %d lines)", d, lines)
                        .isBetween(r.getStart().getLine(), lines);
                assertThat(r.getStart().getCharacter()).as("start of %s", d).isNotNegative();
                if (r.getEnd().getLine() == r.getStart().getLine()) {
                    assertThat(r.getEnd().getCharacter()).as("end of %s", d).isGreaterThanOrEqualTo(r.getStart().getCharacter());
                }
            }
            docs.didClose(new DidCloseTextDocumentParams(id()));
            assertThat(client.awaitClosed().getDiagnostics()).as("diagnostics after close").isEmpty();
            assertThat(await(docs.hover(new HoverParams(id(), new Position(0, 0))), "hover after close")).isNull();
        } finally {
            server.shutdown();
        }
    }

    private static final ThreadLocal<List<CompletableFuture<?>>> PENDING = ThreadLocal.withInitial(ArrayList::new);

    private static void pending(CompletableFuture<?>... futures) {
        PENDING.get().addAll(List.of(futures));
    }

    private static void flushPending() {
        try {
            for (CompletableFuture<?> f : PENDING.get()) {
                await(f, "request made during edits");
            }
        } finally {
            PENDING.get().clear();
        }
    }

    private static <T> T await(CompletableFuture<T> f, String what) {
        try {
            return f.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": no answer within " + BOUND_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new AssertionError(what + " completed exceptionally", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        }
    }

    private static TextDocumentIdentifier id() {
        return new TextDocumentIdentifier(URI);
    }

    private static int clamp(String number) {
        long n = Long.parseLong(number);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    /** Lines as an editor counts them: LF, CRLF and a lone CR each end one. */
    static int lineCount(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    /** The editor's side: records published diagnostics, answers nothing else. */
    private static final class Client implements LanguageClient {
        private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            published.add(p);
        }

        PublishDiagnosticsParams awaitVersion(int version) {
            return await(p -> p.getVersion() != null && p.getVersion() == version, "diagnostics of version " + version);
        }

        PublishDiagnosticsParams awaitClosed() {
            return await(p -> p.getVersion() == null && p.getDiagnostics().isEmpty(), "empty diagnostics after close");
        }

        private PublishDiagnosticsParams await(java.util.function.Predicate<PublishDiagnosticsParams> wanted, String what) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            try {
                while (true) {
                    long left = end - System.nanoTime();
                    PublishDiagnosticsParams p = left <= 0 ? null : published.poll(left, TimeUnit.NANOSECONDS);
                    if (p == null) {
                        throw new AssertionError(what + ": not published within " + BOUND_SECONDS + " s");
                    }
                    if (wanted.test(p)) {
                        return p;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what + ": interrupted", e);
            }
        }

        @Override
        public void telemetryEvent(Object object) {
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

    // ---- JSON-RPC through the launcher --------------------------------------------------------------

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":\"natlint-init\",\"method\":\"initialize\","
            + "\"params\":{\"capabilities\":{}}}";
    private static final String PROBE_ID = "natlint-probe";
    private static final String PROBE_URI = "file:///natlint-fuzz/probe.rsc";
    /** A document of its own, opened just before the probe, so the answer needs a fresh analysis. */
    private static final String PROBE_OPEN = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":"
            + "{\"textDocument\":{\"uri\":\"" + PROBE_URI + "\",\"languageId\":\"routeros\",\"version\":1,"
            + "\"text\":\"/ip firewall nat\\nadd action=masquerade chain=srcnat\\n\"}}}";
    private static final String PROBE = "{\"jsonrpc\":\"2.0\",\"id\":\"" + PROBE_ID + "\",\"method\":"
            + "\"textDocument/documentSymbol\",\"params\":{\"textDocument\":{\"uri\":\"" + PROBE_URI + "\"}}}";

    private static void jsonRpc(byte[] input) {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        Output serverOut = new Output();
        CompletableFuture<Integer> run;
        boolean framedByUs = true;
        try (PipedOutputStream toServer = new PipedOutputStream(serverIn)) {
            run = CompletableFuture.supplyAsync(() -> LspMain.run(NATLINT, serverIn, serverOut));
            write(toServer, run, frame(INITIALIZE.getBytes(StandardCharsets.UTF_8)));
            int start = 0;
            while (start <= input.length) {
                int end = indexOf(input, (byte) '\n', start);
                if (end < 0) {
                    end = input.length;
                }
                if (startsWith(input, start, "Content-")) {
                    // the rest as it is: the input frames itself, and may swallow what follows
                    write(toServer, run, java.util.Arrays.copyOfRange(input, start, input.length));
                    framedByUs = false;
                    break;
                }
                if (end > start) {
                    write(toServer, run, frame(java.util.Arrays.copyOfRange(input, start, end)));
                }
                start = end + 1;
            }
            write(toServer, run, frame(PROBE_OPEN.getBytes(StandardCharsets.UTF_8)));
            write(toServer, run, frame(PROBE.getBytes(StandardCharsets.UTF_8)));
            boolean exitSent = contains(input, "exit");
            if (framedByUs && !exitSent) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
                while (!serverOut.text().contains("\"id\":\"" + PROBE_ID + "\"")) {
                    if (run.isDone()) {
                        fail("the server stopped (exit code %s) before answering a well-formed request", run.getNow(null));
                    }
                    if (System.nanoTime() > end) {
                        fail("no answer to a well-formed request within %d s", BOUND_SECONDS);
                    }
                    Thread.sleep(5);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        // the input is closed: the server must notice and return
        await(run, "the server's return after its input closed");
    }

    /** Writes unless the server already returned (it reads nothing more then, and the pipe would block). */
    private static void write(PipedOutputStream out, CompletableFuture<Integer> run, byte[] bytes) throws IOException {
        for (int off = 0; off < bytes.length && !run.isDone(); off += 4096) {
            try {
                out.write(bytes, off, Math.min(4096, bytes.length - off));
                out.flush();
            } catch (IOException e) {
                if (run.isDone()) {
                    return; // the server stopped reading (exit): the pipe is broken, as a real pipe would be
                }
                throw e;
            }
        }
    }

    private static byte[] frame(byte[] body) {
        byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    /** What the server writes, readable while it runs. */
    private static final class Output extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static boolean startsWith(byte[] b, int from, String prefix) {
        if (b.length - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, String s) {
        outer:
        for (int i = 0; i + s.length() <= b.length; i++) {
            for (int k = 0; k < s.length(); k++) {
                if (b[i + k] != s.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
