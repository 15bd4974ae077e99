package dev.natlint.parse;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import dev.natlint.work.Ahead;

/**
 * Reads RouterOS script text into {@link Command}s. Never throws on bad input: every problem becomes a
 * located {@code syntax} finding, the statement it is in is left out, and reading goes on.
 *
 * <p>Recovery happens on the token list before ANTLR parses it, because that is where the damage can
 * be bounded to one line: an unclosed quote is closed at the end of its line, an unmatched bracket is
 * dropped, and nesting deeper than {@link #MAX_DEPTH} is flattened so the recursive-descent parser
 * cannot overflow the stack.
 */
public final class RouterOsReader {

    public static final String SYNTAX_RULE = "syntax";

    /** Deeper nesting is never seen in real scripts; the limit keeps the parser's recursion bounded. */
    static final int MAX_DEPTH = 100;

    /** Bounds re-lexing for broken quotes, so hostile input cannot make reading quadratic. */
    private static final int MAX_QUOTE_REPAIRS = 20;

    private static final Pattern VERSION = Pattern.compile("by RouterOS (\\S+)");

    private final String file;
    /** Line number of the text's first line: 1, or more for a snippet read as the continuation of a file. */
    private final int firstLine;
    private final List<Finding> findings = new ArrayList<>();
    private final BitSet badLines = new BitSet();

    /** Threads to read with; 1 reads on the calling thread alone. */
    private final int threads;
    /** The smallest piece of text worth lexing on a thread of its own. */
    private final int minPiece;

    private RouterOsReader(String file, int firstLine) {
        this(file, firstLine, 1, Integer.MAX_VALUE);
    }

    private RouterOsReader(String file, int firstLine, int threads, int minPiece) {
        this.file = file;
        this.firstLine = firstLine;
        this.threads = threads;
        this.minPiece = minPiece;
    }

    /**
     * Below this many characters (about 15,000 lines of an export) a script is read on one thread:
     * starting helpers would cost more than they save.
     */
    static final int PARALLEL_CHARS = 1 << 20;

    /**
     * Parses {@code text}. {@code file} is the path used in locations and findings. A large script is
     * read on every core; the result is the same, to the last token and finding, as on one.
     */
    public static ParsedScript read(String file, String text) {
        return read(file, text, Ahead.cores(), PARALLEL_CHARS / 2);
    }

    /**
     * As {@link #read(String, String)} on {@code threads} threads, lexing pieces of at least
     * {@code minPiece} characters each (1 thread, or a text shorter than two pieces: the serial reader).
     */
    static ParsedScript read(String file, String text, int threads, int minPiece) {
        return new RouterOsReader(file, 1, threads, Math.max(1, minPiece)).run(text);
    }

    /**
     * Parses {@code text} as lines {@code firstLine}, {@code firstLine + 1}, ... of {@code file}: a
     * snippet appended to a script, read on its own (it starts at the top level, as pasted text does).
     */
    public static ParsedScript read(String file, String text, int firstLine) {
        if (firstLine < 1) {
            throw new IllegalArgumentException("lines start at 1: " + firstLine);
        }
        return new RouterOsReader(file, firstLine).run(text);
    }

    /**
     * The {@code [find ...]} selection written as a property value ({@code place-before=[find where
     * comment="x"]}), read as the selector of a command; empty when it is not a find.
     */
    public static Optional<Arg.Selector> selector(String raw, Location at) {
        ParsedScript s = new RouterOsReader(at.file(), Math.max(1, at.line())).run("set " + raw);
        if (s.commands().size() != 1 || !s.syntaxFindings().isEmpty()) {
            return Optional.empty();
        }
        return s.commands().get(0).args().stream().filter(a -> a instanceof Arg.Selector)
                .map(a -> (Arg.Selector) a).findFirst();
    }

    private ParsedScript run(String text) {
        List<Token> tokens = lexWithQuoteRepair(text);
        Map<Integer, String> comments = new TreeMap<>();
        List<Token> code = new ArrayList<>(tokens.size());
        int lastCodeLine = 0;
        for (Token t : tokens) {
            if (t.getChannel() == RouterOsLexer.COMMENTS) {
                // only whole-line comments count as comment lines; a trailing one belongs to its command
                if (t.getType() == RouterOsLexer.COMMENT && t.getLine() != lastCodeLine) {
                    comments.put(t.getLine(), t.getText().substring(1));
                }
            } else {
                code.add(t);
                if (t.getType() != RouterOsLexer.NEWLINE) {
                    lastCodeLine = lastLine(t);
                }
                reportControlCharacter(t);
            }
        }
        code = repairBrackets(code);
        ScriptWalker walker = new ScriptWalker(file, badLines, this::syntax);
        // parsed and walked a few thousand top-level statements at a time: a large export's whole
        // parse tree would otherwise live at once, and the collector would spend more than the parser
        List<int[]> chunks = new ArrayList<>();
        for (int from = 0; from < code.size(); ) {
            int to = chunkEnd(code, from);
            chunks.add(new int[] {from, to});
            from = to;
        }
        List<Token> all = code;
        // chunks are parsed ahead on the other cores (each with a parser of its own), and walked here in
        // order: the walker carries the menu and the variables from one chunk to the next
        List<java.util.function.Supplier<Parsed>> parses = new ArrayList<>();
        for (int[] c : chunks) {
            parses.add(() -> parse(all, c[0], c[1]));
        }
        int parseThreads = text.length() < 2L * minPiece ? 1 : threads;
        try (Ahead<Parsed> ahead = new Ahead<>(parses, parseThreads, parseThreads - 1, i -> true,
                Thread.currentThread().getName() + "-read")) {
            for (int k = 0; k < chunks.size(); k++) {
                Parsed parsed = ahead.get(k);
                // reported when the chunk is walked, as if it had been parsed just now
                for (Parsed.Error e : parsed.errors()) {
                    syntax(e.line(), e.column(), e.message());
                }
                walker.walkPart(parsed.tree());
            }
        }
        for (Command c : walker.commands()) {
            NumberBounds.check(c, this::syntax);
        }
        return new ParsedScript(file, walker.commands(), findings, comments, version(comments));
    }

    /** A chunk's parse tree and the syntax errors the parser met in it, in the order it met them. */
    private record Parsed(RouterOsParser.ScriptContext tree, List<Error> errors) {
        record Error(int line, int column, String message) {
        }
    }

    /** Parses tokens {@code from} to {@code to} (exclusive); reads nothing but those tokens. */
    private static Parsed parse(List<Token> code, int from, int to) {
        List<Token> chunk = new ArrayList<>(code.subList(from, to));
        for (int i = from; i < to; i++) {
            code.set(i, null); // read: let the collector have the tokens (each chunk clears only its own)
        }
        if (chunk.get(chunk.size() - 1).getType() != Token.EOF) {
            chunk.add(eof(chunk.get(chunk.size() - 1)));
        }
        List<Parsed.Error> errors = new ArrayList<>();
        RouterOsParser parser = new RouterOsParser(null);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg,
                                    RecognitionException e) {
                errors.add(new Parsed.Error(line, col + 1, describeParserError((Token) offending)));
            }
        });
        parser.setTokenStream(new CommonTokenStream(new ListTokenSource(chunk)));
        return new Parsed(parser.script(), errors);
    }

    /** Statements per chunk: big enough that the parser's set-up cost vanishes, small enough to stay young. */
    private static final int CHUNK_STATEMENTS = 2_000;

    /** The end (exclusive) of the chunk starting at {@code from}: just after a newline outside any bracket. */
    private static int chunkEnd(List<Token> code, int from) {
        int depth = 0;
        int statements = 0;
        for (int i = from; i < code.size(); i++) {
            int type = code.get(i).getType();
            if (isOpener(type)) {
                depth++;
            } else if (isCloser(type)) {
                depth--;
            } else if (type == RouterOsLexer.NEWLINE && depth == 0 && ++statements >= CHUNK_STATEMENTS) {
                return i + 1;
            }
        }
        return code.size();
    }

    private static Token eof(Token last) {
        CommonToken t = new CommonToken(Token.EOF, "<EOF>");
        t.setLine(last.getLine());
        t.setCharPositionInLine(last.getCharPositionInLine() + last.getText().length());
        t.setStartIndex(last.getStopIndex() + 1);
        t.setStopIndex(last.getStopIndex());
        return t;
    }

    /**
     * A control character (a NUL byte, say) outside a quoted string is not script text: without this
     * check it would silently become part of a word, a value or even a menu name (a NUL alone on a
     * line would move every following relative command into menu "/ip address \0").
     */
    private void reportControlCharacter(Token t) {
        int type = t.getType();
        if (type == RouterOsLexer.STRING || type == RouterOsLexer.UNTERMINATED || type == Token.EOF) {
            return;
        }
        String text = t.getText();
        int line = t.getLine();
        int column = t.getCharPositionInLine() + 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != '\u000B' || c == 0x7F) {
                syntax(line, column, String.format("unexpected control character U+%04X outside a quoted string", (int) c));
                return;
            }
            column++;
        }
    }

    private static int lastLine(Token t) {
        String text = t.getText();
        int line = t.getLine();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private Optional<String> version(Map<Integer, String> comments) {
        return comments.values().stream().limit(3)
                .map(VERSION::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }

    /**
     * Records a problem. A line that cannot be read gives one finding, the first problem seen on it:
     * the rest are usually consequences (100,000 {@code '{'} on one line would otherwise give a
     * hundred "never closed" findings, and 100,000 stray {@code '}'} a hundred thousand).
     */
    private void syntax(int line, int column, String message) {
        if (badLines.get(line)) {
            return;
        }
        badLines.set(line);
        findings.add(new Finding(SYNTAX_RULE, Severity.ERROR, new Location(file, line, column), message));
    }

    // ---- quotes -------------------------------------------------------------------------------

    /**
     * Lexes, and when a quote is never closed, closes the most likely culprit at the end of its line and
     * lexes again. The culprit is the first string that spans a raw line break: real exports never
     * contain one (they write {@code \n}), so it is where a missing quote swallowed the next lines.
     */
    private List<Token> lexWithQuoteRepair(String text) {
        List<Token> inPieces = lexInPieces(text);
        if (inPieces != null) {
            return inPieces;
        }
        for (int attempt = 0; ; attempt++) {
            List<Token> tokens = lex(text, firstLine);
            Token open = tokens.stream().filter(t -> t.getType() == RouterOsLexer.UNTERMINATED).findFirst().orElse(null);
            if (open == null) {
                return tokens;
            }
            Token culprit = tokens.stream()
                    .filter(t -> t.getType() == RouterOsLexer.STRING || t.getType() == RouterOsLexer.UNTERMINATED)
                    .filter(t -> hasRawLineBreak(t.getText()))
                    .findFirst().orElse(open);
            syntax(culprit.getLine(), culprit.getCharPositionInLine() + 1,
                    "unclosed quote: the string starting here never ends");
            if (attempt >= MAX_QUOTE_REPAIRS) {
                return tokens.stream().filter(t -> t.getType() != RouterOsLexer.UNTERMINATED).toList();
            }
            text = closeQuoteAtEndOfLine(text, culprit.getStartIndex());
        }
    }

    /**
     * Lexes a large text in pieces, one per thread or two, cut at the start of a line that does not
     * continue the line before it. The lexer knows nothing of menus or brackets: its state between
     * tokens is its position, line, column and mode, so a piece lexed on its own from a cut gives the
     * very tokens the whole text gives there, provided the piece before it ended exactly at the cut, at
     * the start of that line, in the default mode; each piece is checked for that. (Cutting only at
     * menu lines would not spread the work: an export writes tens of thousands of lines under one.) The
     * walker, which carries the menu and the variables, still goes through the statements in order.
     * Null when the text is small, has characters outside the 16-bit range (the lexer's indices would
     * not be the string's), or a check fails (a cut inside a quoted string, a value continued on the
     * next line, a quote that is never closed): then the text is lexed whole.
     */
    private List<Token> lexInPieces(String text) {
        int pieces = (int) Math.min(2L * threads, text.length() / minPiece);
        if (threads < 2 || pieces < 2) {
            return null;
        }
        TextTokens factory = new TextTokens(text);
        if (!factory.indicesAreChars()) {
            return null;
        }
        List<Integer> starts = new ArrayList<>(List.of(0));
        List<Integer> lines = new ArrayList<>(List.of(firstLine));
        int line = firstLine;
        int counted = 0;
        for (int k = 1; k < pieces; k++) {
            int cut = nextCut(text, Math.max((int) ((long) text.length() * k / pieces), starts.get(starts.size() - 1) + 1));
            if (cut < 0) {
                break;
            }
            for (; counted < cut; counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                }
            }
            starts.add(cut);
            lines.add(line);
        }
        if (starts.size() < 2) {
            return null;
        }
        CodePointBuffer.Builder builder = CodePointBuffer.builder(text.length());
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(text.length());
        chars.put(text).flip();
        builder.append(chars);
        CodePointBuffer buffer = builder.build();
        List<java.util.function.Supplier<List<Token>>> work = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int start = starts.get(k);
            int startLine = lines.get(k);
            boolean last = k == starts.size() - 1;
            int end = last ? text.length() : starts.get(k + 1);
            int endLine = last ? -1 : lines.get(k + 1);
            work.add(() -> lexPiece(buffer, factory, start, startLine, end, endLine));
        }
        List<Token> tokens = new ArrayList<>(text.length() / 5 + 16);
        try (Ahead<List<Token>> ahead = new Ahead<>(work, threads, work.size(), i -> true,
                Thread.currentThread().getName() + "-lex")) {
            for (int k = 0; k < work.size(); k++) {
                List<Token> piece = ahead.get(k);
                if (piece == null) {
                    return null;
                }
                tokens.addAll(piece);
            }
        }
        piecesLexed = work.size();
        return tokens;
    }

    /** How many pieces the text was lexed in; 0 when it was lexed whole. */
    private int piecesLexed;

    /** How many pieces {@code text} is lexed in on {@code threads} threads (0: whole), for tests of the cuts. */
    static int piecesLexed(String text, int threads, int minPiece) {
        RouterOsReader r = new RouterOsReader("", 1, threads, Math.max(1, minPiece));
        r.lexInPieces(text);
        return r.piecesLexed;
    }

    /**
     * The first cut at or after {@code from}: the start of a line that starts with neither a space nor
     * a line break, after a line that does not end in a continuation backslash; -1 when there is none.
     */
    private static int nextCut(String text, int from) {
        for (int i = text.indexOf('\n', Math.max(0, from - 1)); i >= 0 && i + 1 < text.length(); i = text.indexOf('\n', i + 1)) {
            char first = text.charAt(i + 1);
            if (first == ' ' || first == '\t' || first == '\r' || first == '\n') {
                continue;
            }
            int j = i - 1;
            if (j >= 0 && text.charAt(j) == '\r') {
                j--;
            }
            while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j--;
            }
            if (j < 0 || text.charAt(j) != '\\') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Tokens from {@code start} (the start of line {@code line}, in the default mode) to {@code end}, or
     * to the end of the text when {@code endLine} is -1 (then with the end-of-file token). Null unless
     * the last token ends exactly at {@code end}, at the start of line {@code endLine}, in the default
     * mode, and no quote is left open: then these are the tokens the whole text has there.
     */
    private static List<Token> lexPiece(CodePointBuffer buffer, TextTokens factory, int start, int line, int end,
                                        int endLine) {
        CharStream input = CodePointCharStream.fromBuffer(buffer);
        input.seek(start);
        RouterOsLexer lexer = new RouterOsLexer(input);
        lexer.removeErrorListeners();
        lexer.setLine(line);
        lexer.setCharPositionInLine(0);
        lexer.setTokenFactory(factory);
        List<Token> tokens = new ArrayList<>((end - start) / 5 + 16);
        while (true) {
            Token t = lexer.nextToken();
            if (t.getType() == RouterOsLexer.UNTERMINATED) {
                return null;
            }
            if (t.getType() == Token.EOF) {
                if (endLine != -1) {
                    return null;
                }
                tokens.add(t);
                return tokens;
            }
            tokens.add(t);
            if (endLine != -1 && input.index() >= end) {
                boolean aligned = input.index() == end && lexer.getLine() == endLine
                        && lexer.getCharPositionInLine() == 0 && lexer._mode == Lexer.DEFAULT_MODE
                        && lexer._modeStack.isEmpty();
                return aligned ? tokens : null;
            }
        }
    }

    private static List<Token> lex(String text, int firstLine) {
        RouterOsLexer lexer = new RouterOsLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.setLine(firstLine);
        lexer.setTokenFactory(new TextTokens(text));
        // about one token per five characters in exports; growing the list copies it again and again
        List<Token> tokens = new ArrayList<>(text.length() / 5 + 16);
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            tokens.add(t);
            if (t.getType() == Token.EOF) {
                return tokens;
            }
        }
    }

    private static boolean hasRawLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                int backslashes = 0;
                int j = i - 1;
                if (c == '\n' && j >= 0 && s.charAt(j) == '\r') {
                    j--;
                }
                while (j >= 0 && s.charAt(j) == '\\') {
                    backslashes++;
                    j--;
                }
                if (backslashes % 2 == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Inserts a closing quote at the end of the line containing {@code from}; columns stay intact. */
    private static String closeQuoteAtEndOfLine(String text, int from) {
        int eol = from;
        while (eol < text.length() && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
            eol++;
        }
        int backslashes = 0;
        for (int j = eol - 1; j > from && text.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        // an odd run of backslashes would escape the inserted quote
        String close = backslashes % 2 == 1 ? "\\\"" : "\"";
        return text.substring(0, eol) + close + text.substring(eol);
    }

    // ---- brackets and nesting -----------------------------------------------------------------

    private List<Token> repairBrackets(List<Token> tokens) {
        BitSet drop = new BitSet(tokens.size());
        BitSet insertCloseBefore = new BitSet(tokens.size());
        int[] closeCount = new int[tokens.size()];
        OpenBrackets stack = new OpenBrackets();
        boolean depthReported = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = t.getType();
            if (isOpener(type)) {
                if (stack.size() >= MAX_DEPTH) {
                    if (!depthReported) {
                        syntax(t.getLine(), t.getCharPositionInLine() + 1,
                                "nesting deeper than " + MAX_DEPTH + " levels is not read");
                        depthReported = true;
                    }
                    drop.set(i);
                    stack.push(-i - 1, type); // marks a dropped opener so its closer is dropped too
                } else {
                    stack.push(i, type);
                }
            } else if (isCloser(type)) {
                int match = stack.innermost(openerOf(type));
                if (match < 0) {
                    syntax(t.getLine(), t.getCharPositionInLine() + 1, "unmatched '" + t.getText() + "'");
                    drop.set(i);
                    continue;
                }
                while (stack.size() > match + 1) {
                    reportUnclosed(tokens, stack.pop(), drop);
                }
                int opener = stack.pop();
                if (opener < 0) {
                    drop.set(i);
                }
            } else if (type == RouterOsLexer.NEWLINE || type == Token.EOF) {
                // an expression still open at the end of a line ends there, as on the console; so it
                // does at the end of a file without a final line break (the same line, read the same way)
                while (!stack.isEmpty() && stack.top() >= 0
                        && tokens.get(stack.top()).getType() == RouterOsLexer.LPAREN) {
                    stack.pop();
                    insertCloseBefore.set(i);
                    closeCount[i] = closeCount[i] + 1;
                }
            } else if (type == RouterOsLexer.BACKSLASH) {
                syntax(t.getLine(), t.getCharPositionInLine() + 1,
                        tokens.get(i + 1).getType() == Token.EOF
                                ? "continuation backslash at end of file"
                                : "stray backslash: a line continuation must end the line");
                drop.set(i);
            }
        }
        while (!stack.isEmpty()) {
            reportUnclosed(tokens, stack.pop(), drop);
        }
        if (drop.isEmpty() && insertCloseBefore.isEmpty()) {
            return tokens;
        }
        List<Token> kept = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            for (int k = 0; k < closeCount[i]; k++) {
                kept.add(syntheticCloseParen(tokens.get(i)));
            }
            if (!drop.get(i)) {
                kept.add(tokens.get(i));
            }
        }
        return kept;
    }

    /**
     * The brackets still open, innermost last: entries are token indexes (negative for a flattened
     * over-deep opener). Beside the stack, the positions of each kind of opener are kept on a stack of
     * their own, so the opener a closer matches is found at once; searching down the whole stack made
     * a file of many unclosed {@code [} each followed by a stray {@code '}'} quadratic.
     */
    private static final class OpenBrackets {
        private int[] entries = new int[16];
        private int[] kinds = new int[16];
        private int size;
        /** Per kind of opener (bracket, brace, parenthesis): positions in {@code entries}, innermost last. */
        private final int[][] byKind = {new int[16], new int[16], new int[16]};
        private final int[] byKindSize = new int[3];

        void push(int entry, int openerType) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
                kinds = Arrays.copyOf(kinds, size * 2);
            }
            int k = kind(openerType);
            if (byKindSize[k] == byKind[k].length) {
                byKind[k] = Arrays.copyOf(byKind[k], byKindSize[k] * 2);
            }
            byKind[k][byKindSize[k]++] = size;
            entries[size] = entry;
            kinds[size] = k;
            size++;
        }

        int pop() {
            size--;
            byKindSize[kinds[size]]--;
            return entries[size];
        }

        int top() {
            return entries[size - 1];
        }

        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** Position of the innermost open bracket of this opener type, or -1. */
        int innermost(int openerType) {
            int k = kind(openerType);
            return byKindSize[k] == 0 ? -1 : byKind[k][byKindSize[k] - 1];
        }

        private static int kind(int openerType) {
            return openerType == RouterOsLexer.LBRACK ? 0 : openerType == RouterOsLexer.LBRACE ? 1 : 2;
        }
    }

    private static Token syntheticCloseParen(Token at) {
        CommonToken t = new CommonToken(at);
        t.setType(RouterOsLexer.RPAREN);
        t.setText(")");
        t.setStopIndex(t.getStartIndex() - 1);
        return t;
    }

    /** The opener that {@code closer} closes. */
    private static int openerOf(int closer) {
        return closer == RouterOsLexer.RBRACK ? RouterOsLexer.LBRACK
                : closer == RouterOsLexer.RBRACE ? RouterOsLexer.LBRACE : RouterOsLexer.LPAREN;
    }

    private void reportUnclosed(List<Token> tokens, int stackEntry, BitSet drop) {
        if (stackEntry < 0) {
            return; // a flattened over-deep opener: already reported once
        }
        Token t = tokens.get(stackEntry);
        syntax(t.getLine(), t.getCharPositionInLine() + 1, "'" + t.getText() + "' is never closed");
        drop.set(stackEntry);
    }

    private static boolean isOpener(int type) {
        return type == RouterOsLexer.LBRACK || type == RouterOsLexer.LBRACE || type == RouterOsLexer.LPAREN;
    }

    private static boolean isCloser(int type) {
        return type == RouterOsLexer.RBRACK || type == RouterOsLexer.RBRACE || type == RouterOsLexer.RPAREN;
    }

    private static String describeParserError(Token t) {
        if (t == null || t.getType() == Token.EOF) {
            return "unexpected end of file";
        }
        return "unexpected '" + abbreviate(t.getText()) + "'";
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }
}
