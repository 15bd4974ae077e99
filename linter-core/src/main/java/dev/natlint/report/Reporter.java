package dev.natlint.report;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a {@link Report} into text. Implementations write straight to the caller's sink so large
 * reports need not be built up twice, and always produce the same bytes for the same report: no
 * timestamps, no hash order, {@code \n} line ends on every platform.
 */
public interface Reporter {

    void write(Report report, Appendable out) throws IOException;

    /** The whole output as one string. */
    default String render(Report report) {
        StringBuilder sb = new StringBuilder();
        try {
            write(report, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder never throws
        }
        return sb.toString();
    }
}
