package dev.natlint;

import dev.natlint.report.FileReport;

/**
 * Reports of an earlier run, so that a front end can skip scripts that did not change (the Maven
 * plugin keeps them in {@code target/natlint/cache}). The engine asks by display path and exact
 * text; the cache answers for everything else a report depends on (natlint's version, the rules and
 * the user's settings), and must answer null rather than a report it is not sure of.
 */
public interface ReportCache {

    /** No cache: every script is checked. */
    ReportCache NONE = new ReportCache() {
        @Override
        public FileReport lookup(String displayPath, String text) {
            return null;
        }

        @Override
        public void store(String displayPath, String text, FileReport report) {
        }
    };

    /** The report this text had under this path, or null when it is not known; never throws. */
    FileReport lookup(String displayPath, String text);

    /** Hears of each report the engine computed. Called from the checking threads. */
    void store(String displayPath, String text, FileReport report);
}
