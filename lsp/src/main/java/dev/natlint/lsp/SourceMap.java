package dev.natlint.lsp;

import dev.natlint.parse.RouterOsLexer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts natlint's 1-based line and code-point column into LSP positions (0-based line, UTF-16
 * offset), and finds where a command that starts at a location ends.
 *
 * <p>The extent comes from natlint's own lexer rather than a second scanner, so continuation lines,
 * quoted strings with {@code ;} in them and {@code [ find ]} selectors are read exactly as the parser
 * reads them: a statement ends at a line break or {@code ;} outside any bracket.
 */
final class SourceMap {

    private final String text;
    /** Offset (UTF-16) of each line's first character, with the lexer's line breaks (\n, \r\n, \r). */
    private final int[] lineStarts;
    private final boolean bmpOnly;
    /** Visible tokens (comments and line breaks included), in order. */
    private final List<Token> tokens = new ArrayList<>();
    /** Index in {@link #tokens} of the token starting at (line, column), key {@link #key}. */
    private final Map<Long, Integer> byStart = new HashMap<>();

    SourceMap(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.bmpOnly = text.codePoints().count() == text.length();
        RouterOsLexer lexer = new RouterOsLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            byStart.put(key(t.getLine(), t.getCharPositionInLine() + 1), tokens.size());
            tokens.add(t);
        }
    }

    String text() {
        return text;
    }

    int lineCount() {
        return lineStarts.length;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long key(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    /** The end of line {@code line0} (0-based) before its line break. */
    private int lineEnd(int line0) {
        int end = line0 + 1 < lineStarts.length ? lineStarts[line0 + 1] : text.length();
        while (end > lineStarts[line0] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** UTF-16 offset of 1-based {@code line}, 1-based code-point {@code column}, clamped into the text. */
    int offset(int line, int column) {
        int l = Math.max(0, Math.min(line - 1, lineStarts.length - 1));
        int start = lineStarts[l];
        int end = lineEnd(l);
        int steps = Math.max(0, column - 1);
        if (bmpOnly) {
            return Math.min(start + steps, end);
        }
        int o = start;
        for (int i = 0; i < steps && o < end; i++) {
            o += Character.charCount(text.codePointAt(o));
        }
        return Math.min(o, end);
    }

    Position position(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= o) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Position(lo, o - lineStarts[lo]);
    }

    /** UTF-16 offset of an LSP position, clamped into the text. */
    int offset(Position p) {
        int l = Math.max(0, Math.min(p.getLine(), lineStarts.length - 1));
        return Math.min(lineStarts[l] + Math.max(0, p.getCharacter()), lineEnd(l));
    }

    Position end() {
        return position(text.length());
    }

    /**
     * The range of the statement starting at {@code line}:{@code column}: every token up to the line break
     * or {@code ;} that ends it, continuation lines included. A location where no token starts (a default
     * natlint assumes, reported at the top of the file) gets the rest of its line.
     */
    Range statement(int line, int column) {
        Integer first = byStart.get(key(line, column));
        if (first == null) {
            return restOfLine(line, column);
        }
        int depth = 0;
        Token last = tokens.get(first);
        for (int i = first; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = t.getType();
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (type == RouterOsLexer.LBRACK || type == RouterOsLexer.LBRACE || type == RouterOsLexer.LPAREN) {
                depth++;
            } else if (type == RouterOsLexer.RBRACK || type == RouterOsLexer.RBRACE || type == RouterOsLexer.RPAREN) {
                if (--depth < 0) {
                    break; // the end of the block the statement sits in
                }
            } else if ((type == RouterOsLexer.NEWLINE || type == RouterOsLexer.SEMI) && depth == 0) {
                break;
            } else if (type == RouterOsLexer.UNTERMINATED) {
                // an unclosed quote runs to the end of the file; the reader closes it at the end of its line
                return new Range(position(offset(line, column)), position(lineEnd(t.getLine() - 1)));
            }
            last = t;
        }
        return new Range(position(offset(line, column)), tokenEnd(last));
    }

    private Position tokenEnd(Token t) {
        String s = t.getText();
        int start = offset(t.getLine(), t.getCharPositionInLine() + 1);
        return position(start + (s == null ? 0 : s.length()));
    }

    /** From the column to the end of the line; one character wide at least when the line has one. */
    Range restOfLine(int line, int column) {
        int from = offset(line, column);
        int end = lineEnd(Math.max(0, Math.min(line - 1, lineStarts.length - 1)));
        return new Range(position(from), position(Math.max(from, end)));
    }

    /** The token under {@code p}, or the one just before it when the cursor sits at its end. */
    Optional<Token> tokenAt(Position p) {
        int o = offset(p);
        Token best = null;
        for (Token t : tokensOnLine(p.getLine() + 1)) {
            int start = offset(t.getLine(), t.getCharPositionInLine() + 1);
            int end = start + t.getText().length();
            if (start <= o && o <= end && t.getType() != RouterOsLexer.NEWLINE) {
                best = t;
                if (o < end) {
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The token just before {@code t} on the default channel, or null. */
    Token previous(Token t) {
        Integer i = byStart.get(key(t.getLine(), t.getCharPositionInLine() + 1));
        for (int j = i == null ? -1 : i - 1; j >= 0; j--) {
            if (tokens.get(j).getChannel() == Token.DEFAULT_CHANNEL) {
                return tokens.get(j);
            }
        }
        return null;
    }

    private List<Token> tokensOnLine(int line) {
        List<Token> out = new ArrayList<>();
        // tokens are in order; find the first on or after the line by binary search on their lines
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lastLine(tokens.get(mid)) < line) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < tokens.size() && tokens.get(i).getLine() <= line; i++) {
            out.add(tokens.get(i));
        }
        return out;
    }

    private static int lastLine(Token t) {
        int n = t.getLine();
        String s = t.getText();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    /** True when {@code p} lies within {@code r} (end inclusive, as a cursor at the end of a word). */
    static boolean contains(Range r, Position p) {
        return compare(r.getStart(), p) <= 0 && compare(p, r.getEnd()) <= 0;
    }

    static int compare(Position a, Position b) {
        return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
                : Integer.compare(a.getCharacter(), b.getCharacter());
    }
}
