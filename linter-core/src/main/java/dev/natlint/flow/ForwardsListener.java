package dev.natlint.flow;

/**
 * Hears how many of a file's forwards have been analysed, so a front end can show progress while one
 * large script is checked. Called from the analysing threads, with {@code done} rising to {@code total}.
 */
@FunctionalInterface
public interface ForwardsListener {

    ForwardsListener NONE = (done, total) -> { };

    void analysed(int done, int total);
}
