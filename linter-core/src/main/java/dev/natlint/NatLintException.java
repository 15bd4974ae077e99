package dev.natlint;

/** A problem with what natlint was asked to do (a missing path), as opposed to a finding in a file. */
public final class NatLintException extends Exception {

    private final boolean nothingToCheck;

    public NatLintException(String message) {
        this(message, false);
    }

    /**
     * @param nothingToCheck the run would have checked no script; front ends add how to allow that
     *                       ({@code --allow-empty}, {@code <allowEmpty>})
     */
    public NatLintException(String message, boolean nothingToCheck) {
        super(message);
        this.nothingToCheck = nothingToCheck;
    }

    public boolean nothingToCheck() {
        return nothingToCheck;
    }
}
