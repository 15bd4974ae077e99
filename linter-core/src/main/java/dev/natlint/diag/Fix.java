package dev.natlint.diag;

/**
 * A suggested change: RouterOS commands that can be pasted into the router terminal or appended to
 * the script, with one line saying what they do.
 */
public record Fix(String description, String snippet) {

    public Fix {
        if (description == null || snippet == null) {
            throw new IllegalArgumentException("description and snippet are required");
        }
    }
}
