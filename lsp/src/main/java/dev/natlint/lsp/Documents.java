package dev.natlint.lsp;

import dev.natlint.NatLint;
import dev.natlint.report.FileReport;
import dev.natlint.rule.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * The open documents and their analyses. Analyses run on threads of their own, never on the thread
 * reading messages; an edit cancels the analysis still waiting for its debounce, and a run that finishes
 * after a newer edit is dropped, so diagnostics of an old version are never published.
 */
final class Documents implements AutoCloseable {

    /** Typing pauses shorter than this do not start an analysis. */
    static final long DEBOUNCE_MILLIS = 300;

    static final int ANALYSIS_THREADS = 2;

    private final NatLint natLint;
    private final Diagnostics diagnostics;
    private final Consumer<PublishDiagnosticsParams> publish;
    private final ScheduledExecutorService worker;
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();

    /** The latest version of one document and the analysis that will answer requests about it. */
    private static final class Doc {
        int version;
        String text;
        CompletableFuture<Analysis> result = new CompletableFuture<>();
        ScheduledFuture<?> task;
        /** The version whose analysis last began to run. */
        int startedVersion = -1;
        Analysis published;
    }

    Documents(NatLint natLint, Diagnostics diagnostics, Consumer<PublishDiagnosticsParams> publish) {
        this.natLint = natLint;
        this.diagnostics = diagnostics;
        this.publish = publish;
        // two threads: a huge paste being analysed in one document does not hold up the others, and a
        // run made stale by an edit (it cannot be stopped midway, only ignored) does not delay the new one
        this.worker = Executors.newScheduledThreadPool(ANALYSIS_THREADS, r -> {
            Thread t = new Thread(r, "natlint-analysis");
            t.setDaemon(true);
            return t;
        });
    }

    void open(String uri, int version, String text) {
        update(uri, version, text, 0);
    }

    /** Ignored for documents not opened as scripts (another language's file). */
    void change(String uri, int version, String text) {
        if (docs.containsKey(uri)) {
            update(uri, version, text, DEBOUNCE_MILLIS);
        }
    }

    /** On save the user wants the answer now: a debounce still waiting runs at once. */
    void save(String uri) {
        Doc d = docs.get(uri);
        if (d == null) {
            return;
        }
        synchronized (d) {
            if (d.published != null && d.published.version() == d.version) {
                publish.accept(new PublishDiagnosticsParams(uri, d.published.diagnostics(), d.version));
            } else if (d.startedVersion != d.version && d.task != null && d.task.cancel(false)) {
                // still waiting for its debounce (a running task would also accept cancel, so that is
                // ruled out first: it publishes by itself)
                schedule(uri, d, 0);
            }
        }
    }

    void close(String uri) {
        Doc d = docs.remove(uri);
        if (d != null) {
            synchronized (d) {
                if (d.task != null) {
                    d.task.cancel(false);
                }
                d.result.cancel(false);
            }
            publish.accept(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    /** The current text of an open document, or null. */
    String text(String uri) {
        Doc d = docs.get(uri);
        if (d == null) {
            return null;
        }
        synchronized (d) {
            return d.text;
        }
    }

    /**
     * The analysis of the document's current version, when it is done; cancelled when a newer edit
     * arrives first, and null for a document that is not open.
     */
    CompletableFuture<Analysis> current(String uri) {
        Doc d = docs.get(uri);
        if (d == null) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (d) {
            return d.result;
        }
    }

    private void update(String uri, int version, String text, long delay) {
        Doc d = docs.computeIfAbsent(uri, k -> new Doc());
        synchronized (d) {
            if (d.task != null) {
                d.task.cancel(false);
            }
            if (!d.result.isDone()) {
                d.result.cancel(false);
            }
            d.version = version;
            d.text = text;
            d.result = new CompletableFuture<>();
            schedule(uri, d, delay);
        }
    }

    private void schedule(String uri, Doc d, long delay) {
        int version = d.version;
        String text = d.text;
        CompletableFuture<Analysis> result = d.result;
        d.task = worker.schedule(() -> run(uri, d, version, text, result), delay, TimeUnit.MILLISECONDS);
    }

    private void run(String uri, Doc d, int version, String text, CompletableFuture<Analysis> result) {
        synchronized (d) {
            if (result.isDone()) {
                return; // superseded while waiting
            }
            d.startedVersion = version;
        }
        Analysis a = analyse(uri, version, text);
        synchronized (d) {
            if (d.version != version || result.isDone() || docs.get(uri) != d) {
                return; // a newer edit (or a close) arrived while this ran: its result is stale
            }
            d.published = a;
            publish.accept(new PublishDiagnosticsParams(uri, a.diagnostics(), version));
            result.complete(a);
        }
    }

    /** Never throws: a failure of natlint itself becomes one diagnostic, and the server goes on. */
    Analysis analyse(String uri, int version, String text) {
        SourceMap source = null;
        try {
            source = new SourceMap(text);
            RuleContext context = RuleContext.of(uri, text);
            FileReport report = natLint.check(context);
            return new Analysis(uri, version, source, context, diagnostics.of(uri, source, report.findings()));
        } catch (Throwable t) { // NOPMD: a bug in one rule must not take the editor's linter down
            if (source == null) {
                source = new SourceMap("");
            }
            return new Analysis(uri, version, source, null, List.of(new Analysis.Item(null, Diagnostics.internalError(t))));
        }
    }

    static boolean cancelled(Throwable t) {
        return t instanceof CancellationException
                || (t != null && t.getCause() instanceof CancellationException);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
