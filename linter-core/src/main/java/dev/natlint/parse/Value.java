package dev.natlint.parse;

/**
 * The value of a {@code name=value} property or a positional argument, as written and as decoded.
 *
 * @param kind    how it was written
 * @param text    decoded text: escapes resolved for strings, continuations removed, variables replaced
 *                when a literal binding was in scope
 * @param raw     the exact source text (continuations included), for messages and round-tripping
 */
public record Value(Kind kind, String text, String raw) {

    /** How a value was written. {@code VARIABLE} means a {@code $name} that had no literal binding. */
    public enum Kind { WORD, STRING, VARIABLE, SUBSTITUTION, BLOCK, EXPRESSION, EMPTY }

    public static Value word(String text) {
        return new Value(Kind.WORD, text, text);
    }

    /** True when the value is a literal a static analysis can use (not a script expression). */
    public boolean isLiteral() {
        return kind == Kind.WORD || kind == Kind.STRING || kind == Kind.EMPTY;
    }
}
