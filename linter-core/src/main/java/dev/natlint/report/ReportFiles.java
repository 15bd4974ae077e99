package dev.natlint.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files so that a reader never sees a half-written one: a temporary file next to the
 * target, then a move. The temporary file is created the ordinary way, not with
 * {@code Files.createTempFile}, so the report gets the permissions the user's umask gives any new
 * file instead of owner-only ones.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * @throws IOException with the operating system's reason; describe it with
     *                     {@link dev.natlint.SourceFiles#describe}, naming {@code file}, never the
     *                     temporary file
     */
    public static void writeAtomically(Path file, String content) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = null;
        try {
            for (int attempt = 0; tmp == null; attempt++) {
                Path candidate = dir.resolve("." + abs.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
                try (OutputStream out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    tmp = candidate;
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (tmp != null || attempt > 100) {
                        throw e;
                    }
                }
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
