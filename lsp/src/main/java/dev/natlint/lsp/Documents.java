package dev.natlint.lsp;

import dev.natlint.NatLint;
import dev.natlint.NatLintException;
import dev.natlint.config.Settings;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import dev.natlint.report.FileReport;
import dev.natlint.rule.RuleContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The settings of a document and the linter they configure; {@code problem} is a settings error. */
    record Lint(NatLint natLint, Finding problem) {
    }

    /**
     * The linter for a document: configured by the {@code natlint.toml} found upward from the file, as
     * the command line would be, else the server's. A settings file that cannot be read is reported on
     * the document and the defaults are used.
     */
    Lint lintFor(String uri) {
        Path file;
        try {
            file = Path.of(URI.create(uri));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return new Lint(natLint, null);
        }
        Optional<Path> settings = Settings.find(file.getParent() == null ? file : file.getParent());
        if (settings.isEmpty()) {
            return new Lint(natLint, null);
        }
        try {
            long modified = Files.getLastModifiedTime(settings.get()).toMillis();
            Configured c = configured.get(settings.get());
            if (c == null || c.modified() != modified) {
                c = new Configured(modified, Settings.load(settings.get(), natLint.ruleIds()).applyTo(NatLint.builder())
                        .build());
                configured.put(settings.get(), c);
            }
            return new Lint(c.natLint(), null);
        } catch (IOException | NatLintException | IllegalArgumentException e) {
            return new Lint(natLint, new Finding(NatLint.IO_RULE, Severity.WARNING, new Location(uri, 1, 1),
                    "settings not applied, defaults used: " + e.getMessage()));
        }
    }

    private record Configured(long modified, NatLint natLint) {
    }

    private final Map<Path, Configured> configured = new ConcurrentHashMap<>();

    /** Never throws: a failure of natlint itself becomes one diagnostic, and the server goes on. */
    Analysis analyse(String uri, int version, String text) {
        SourceMap source = null;
        try {
            source = new SourceMap(text);
            RuleContext context = RuleContext.of(uri, text);
            Lint lint = lintFor(uri);
            FileReport report = lint.natLint().check(context);
            List<Finding> findings = report.findings();
            if (lint.problem() != null) {
                findings = new ArrayList<>(findings);
                findings.add(0, lint.problem());
            }
            return new Analysis(uri, version, source, context, diagnostics.of(uri, source, findings));
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
