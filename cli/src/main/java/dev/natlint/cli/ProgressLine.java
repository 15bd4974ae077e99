package dev.natlint.cli;

import dev.natlint.Progress;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a long check on one terminal line of stderr ("natlint: 3/10 files checked, 4 s"),
 * redrawn in place as files finish and twice a second in between, so that one long script does not
 * look stuck: shown only once the run has taken two seconds, and erased before the report is printed,
 * so short runs and redirected output never see it.
 */
final class ProgressLine implements Progress {

    static final long SHOW_AFTER_NANOS = 2_000_000_000L;
    private static final long REDRAW_MILLIS = 500;

    private final PrintWriter err;
    private final LongSupplier clock;
    private final long start;
    private int done;
    private int total;
    private boolean shown;
    private boolean finished;
    private ScheduledExecutorService ticker;
    /** Forwards analysed and in all, of each file being checked now. */
    private final java.util.Map<String, int[]> forwards = new java.util.TreeMap<>();

    ProgressLine(PrintWriter err) {
        this(err, System::nanoTime, System.nanoTime());
    }

    /**
     * @param clock the time in {@link System#nanoTime()} terms (tests pass their own)
     * @param start when the run began, on that clock
     */
    ProgressLine(PrintWriter err, LongSupplier clock, long start) {
        this.err = err;
        this.clock = clock;
        this.start = start;
    }

    /** Starts redrawing the line twice a second until {@link #clear()}. */
    ProgressLine ticking() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "natlint-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public synchronized void fileDone(String displayPath, int done, int total, long nanos) {
        forwards.remove(displayPath);
        this.done = Math.max(this.done, done);
        this.total = total;
        if (done == total) {
            // the last file: the report follows at once, nothing more to draw
            finished = true;
            return;
        }
        tick();
    }

    @Override
    public synchronized void forwardsAnalysed(String displayPath, int done, int total) {
        if (!finished) {
            int[] f = forwards.computeIfAbsent(displayPath, k -> new int[2]);
            f[0] = Math.max(f[0], done);
            f[1] = total;
        }
    }

    /** Draws the line if the run has taken long enough. */
    synchronized void tick() {
        long elapsed = clock.getAsLong() - start;
        if (elapsed < SHOW_AFTER_NANOS || finished) {
            return;
        }
        String files = total == 0 ? "checking" : done + "/" + total + " files checked";
        int analysed = 0;
        int all = 0;
        for (int[] f : forwards.values()) {
            analysed += f[0];
            all += f[1];
        }
        String fwd = all == 0 ? "" : ", " + analysed + "/" + all + " forwards analysed";
        err.print("\rnatlint: " + files + fwd + ", " + elapsed / 1_000_000_000L + " s\u001b[K");
        err.flush();
        shown = true;
    }

    /** Stops redrawing and erases the line, if it was drawn. */
    void clear() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            finished = true;
            if (shown) {
                err.print("\r\u001b[K");
                err.flush();
                shown = false;
            }
        }
    }

    /**
     * Whether stderr is a terminal: the launcher says so ({@code NATLINT_STDERR_TTY}, from the shell's
     * {@code -t 2}); run without it, an interactive console stands in.
     */
    static boolean stderrIsTerminal() {
        String tty = System.getenv("NATLINT_STDERR_TTY");
        return tty != null ? tty.equals("1") : System.console() != null;
    }
}
