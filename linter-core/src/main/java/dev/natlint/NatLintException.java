package dev.natlint;

/** A problem with what natlint was asked to do (a missing path), as opposed to a finding in a file. */
public final class NatLintException extends Exception {

    public NatLintException(String message) {
        super(message);
    }
}
