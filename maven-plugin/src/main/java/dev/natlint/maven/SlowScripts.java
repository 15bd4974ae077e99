package dev.natlint.maven;

import dev.natlint.Progress;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Names each script that took more than two seconds as it finishes ("natlint: big.rsc checked in
 * 3.2 s (2/5)"), one info line each, so a long build does not look stuck; quick scripts say nothing.
 */
final class SlowScripts implements Progress {

    static final long SLOW_NANOS = 2_000_000_000L;

    private final Consumer<String> info;

    SlowScripts(Consumer<String> info) {
        this.info = info;
    }

    @Override
    public void fileDone(String displayPath, int done, int total, long nanos) {
        if (nanos > SLOW_NANOS) {
            info.accept(String.format(Locale.ROOT, "natlint: %s checked in %.1f s (%d/%d)", displayPath, nanos / 1e9,
                    done, total));
        }
    }
}
