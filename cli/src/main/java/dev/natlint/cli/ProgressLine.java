package dev.natlint.cli;

import dev.natlint.Progress;
import java.io.PrintWriter;

/**
 * Progress of a long check on one terminal line of stderr ("natlint: 3/10 files checked"), redrawn
 * in place: shown only once the run has taken two seconds, and erased before the report is printed,
 * so short runs and redirected output never see it.
 */
final class ProgressLine implements Progress {

    static final long SHOW_AFTER_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final long start;
    private boolean shown;

    ProgressLine(PrintWriter err) {
        this(err, System.nanoTime());
    }

    /** @param start when the run began, in {@link System#nanoTime()} terms */
    ProgressLine(PrintWriter err, long start) {
        this.err = err;
        this.start = start;
    }

    @Override
    public synchronized void fileDone(String displayPath, int done, int total, long nanos) {
        if (System.nanoTime() - start < SHOW_AFTER_NANOS || done == total) {
            return;
        }
        err.print("\rnatlint: " + done + "/" + total + " files checked\u001b[K");
        err.flush();
        shown = true;
    }

    /** Erases the line, if it was drawn. */
    synchronized void clear() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
            shown = false;
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
