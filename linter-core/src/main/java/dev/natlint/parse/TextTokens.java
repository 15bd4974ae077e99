package dev.natlint.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * Makes tokens that carry their own text, cut straight from the script's {@code String}. ANTLR's
 * default factory re-reads the text from the input on every {@code getText()}, and its copying
 * variant allocates an interval object per token; a 100,000-line export has about a million tokens.
 * Character indices equal code-point indices only without surrogate pairs; otherwise the text is
 * taken from the input stream, as ANTLR does.
 */
final class TextTokens implements TokenFactory<CommonToken> {

    private final String text;
    private final boolean indicesAreChars;

    TextTokens(String text) {
        this.text = text;
        this.indicesAreChars = text.codePoints().count() == text.length();
    }

    /** Whether the text has no surrogate pairs, so the lexer's code-point indices are the string's indices. */
    boolean indicesAreChars() {
        return indicesAreChars;
    }

    @Override
    public CommonToken create(Pair<TokenSource, CharStream> source, int type, String given, int channel, int start,
                              int stop, int line, int charPositionInLine) {
        CommonToken t = new CommonToken(source, type, channel, start, stop);
        t.setLine(line);
        t.setCharPositionInLine(charPositionInLine);
        if (given != null) {
            t.setText(given);
        } else if (indicesAreChars && start >= 0 && stop < text.length()) {
            t.setText(stop < start ? "" : text.substring(start, stop + 1));
        } else if (source.b != null) {
            t.setText(source.b.getText(org.antlr.v4.runtime.misc.Interval.of(start, stop)));
        }
        return t;
    }

    @Override
    public CommonToken create(int type, String given) {
        return new CommonToken(type, given);
    }
}
