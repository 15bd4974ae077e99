package dev.natlint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real exports in {@code ../shared/corpus/real}, read in place (they are other people's files and
 * are never copied into this repository). Without {@code ../shared} the tests that need them are
 * skipped with a visible reason.
 */
public final class RealCorpus {

    /** Surefire shows a skip as a count only; the reason goes to the console once per run. */
    private static final java.util.concurrent.atomic.AtomicBoolean SAID = new java.util.concurrent.atomic.AtomicBoolean();

    private RealCorpus() {
    }

    /** The corpus folder; aborts the calling test when it is absent. */
    public static Path dir() {
        String shared = System.getProperty("natlint.shared.dir", "../../shared");
        Path dir = Path.of(shared, "corpus", "real");
        if (!Files.isDirectory(dir)) {
            String reason = "../shared/corpus/real not found: real-export tests skipped";
            if (!SAID.getAndSet(true)) {
                System.out.println("SKIPPED: " + reason);
            }
            Assumptions.abort(reason);
        }
        return dir;
    }

    public static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(".rsc")).sorted().toList();
        }
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }
}
