package dev.natlint;

/**
 * Hears of each file as its check finishes, so a front end can show progress on long runs. Called from
 * the checking threads, in completion order; the report itself never depends on it.
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (path, done, total, nanos) -> { };

    /**
     * @param displayPath the file as reports show it
     * @param done        files finished so far, this one included
     * @param total       files in the run
     * @param nanos       how long this file took
     */
    void fileDone(String displayPath, int done, int total, long nanos);

    /**
     * Forwards of a file analysed so far, while that file is checked (called from its analysing threads).
     *
     * @param displayPath the file as reports show it
     * @param done        forwards analysed, rising to {@code total}
     * @param total       forwards in the file
     */
    default void forwardsAnalysed(String displayPath, int done, int total) {
    }
}
