package dev.natlint.parse;

import dev.natlint.diag.Location;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the generic parse tree into commands: decides which leading words are the menu path and which
 * is the verb, keeps the current menu across lines, resolves relative paths and {@code $name}
 * references to literal {@code :local}/{@code :global} bindings. Nothing is executed.
 */
final class ScriptWalker {

    /**
     * Words that end a menu path. Any other word after a path is taken as the verb only when arguments
     * follow it, so unknown commands of any RouterOS version still parse.
     */
    private static final Set<String> VERBS = Set.of(
            "add", "set", "remove", "enable", "disable", "move", "print", "export", "find", "get", "edit",
            "unset", "reset", "comment", "monitor", "import", "reset-counters", "reset-counters-all",
            "make-static", "renew", "release", "run", "flush");

    /** Scripting commands that scripts also write without the leading colon. */
    private static final Set<String> BARE_SCRIPT_WORDS = Set.of("if", "foreach", "for", "while", "do", "local", "global");

    /** Receives problems only the walker can see (the grammar accepts them as generic items). */
    interface SyntaxSink {
        void report(int line, int column, String message);
    }

    private final String file;
    private final BitSet badLines;
    private final SyntaxSink sink;
    private final List<Command> commands = new ArrayList<>();

    ScriptWalker(String file, BitSet badLines, SyntaxSink sink) {
        this.file = file;
        this.badLines = badLines;
        this.sink = sink;
    }

    /**
     * The mutable state of one scope: current menu, whether it runs conditionally, literal variables
     * (inherited ones included), and the names a {@code :local} declared here, where a {@code :set} stops.
     */
    private static final class Scope {
        List<String> path;
        final boolean conditional;
        final Map<String, String> locals;
        final Scope parent;
        final Set<String> declared = new HashSet<>();

        Scope(List<String> path, boolean conditional, Map<String, String> locals, Scope parent) {
            this.path = path;
            this.conditional = conditional;
            this.locals = locals;
            this.parent = parent;
        }

        Scope child(List<String> childPath, boolean childConditional) {
            return new Scope(childPath, conditional || childConditional, new HashMap<>(locals), this);
        }

        void bind(String name, String literal) {
            if (literal == null) {
                locals.remove(name);
            } else {
                locals.put(name, literal);
            }
        }
    }

    /** The top-level scope, kept across the parts of one script. */
    private final Scope top = new Scope(List.of(), false, new HashMap<>(), null);

    List<Command> walk(RouterOsParser.ScriptContext tree) {
        walkPart(tree);
        return commands;
    }

    /** Walks the next part of the script; the current menu and variables carry over from the previous one. */
    void walkPart(RouterOsParser.ScriptContext tree) {
        body(tree.body(), top);
    }

    List<Command> commands() {
        return commands;
    }

    private void body(RouterOsParser.BodyContext body, Scope scope) {
        if (body == null) {
            return;
        }
        for (RouterOsParser.StatementContext st : body.statement()) {
            if (!touchesBadLine(st)) {
                statement(st, scope);
            }
        }
    }

    private boolean touchesBadLine(ParserRuleContext ctx) {
        if (ctx.start == null || ctx.stop == null) {
            return true;
        }
        int next = badLines.nextSetBit(ctx.start.getLine());
        return next >= 0 && next <= ctx.stop.getLine();
    }

    private void statement(RouterOsParser.StatementContext st, Scope scope) {
        List<RouterOsParser.ItemContext> items = st.item();
        RouterOsParser.ItemContext first = items.get(0);
        if (first.property() != null || first.EQ() != null) {
            // "to-addresses=1.2.3.4" alone, e.g. the rest of a command whose first line was unreadable
            sink.report(first.start.getLine(), first.start.getCharPositionInLine() + 1,
                    "expected a command before '" + RouterOsReader.abbreviate(first.start.getText()) + "'");
            return;
        }
        TerminalNode word = first.WORD();
        // the token's own text: the item's getText() builds a new string from its children each time
        if (word != null && !word.getText().startsWith(":") && !isBareScriptWord(word.getText())) {
            configStatement(items, scope);
        } else if (first.block() != null && items.size() == 1) {
            body(first.block().body(), scope.child(scope.path, false));
        } else {
            scriptStatement(items, scope);
        }
    }

    private static boolean isBareScriptWord(String word) {
        return BARE_SCRIPT_WORDS.contains(word);
    }

    // ---- configuration commands ---------------------------------------------------------------

    private void configStatement(List<RouterOsParser.ItemContext> items, Scope scope) {
        Token start = items.get(0).start;
        boolean absolute = start.getText().startsWith("/");
        List<String> path = new ArrayList<>(absolute ? List.of() : scope.path);
        String verb = null;
        List<Arg> args = new ArrayList<>();
        int i = 0;
        for (; i < items.size() && items.get(i).WORD() != null && verb == null; i++) {
            String word = Escapes.joinContinuations(items.get(i).WORD().getText());
            String[] segments = word.indexOf('/') < 0 ? new String[] {word} : word.split("/", -1);
            for (int s = 0; s < segments.length; s++) {
                String seg = segments[s];
                if (verb != null) {
                    if (!seg.isEmpty()) {
                        args.add(new Arg.Positional(Value.word(seg), loc(items.get(i).start)));
                    }
                } else if (seg.isEmpty()) {
                    continue;
                } else if (seg.equals("..")) {
                    if (!path.isEmpty()) {
                        path.remove(path.size() - 1);
                    }
                } else if (VERBS.contains(seg)) {
                    verb = seg;
                } else {
                    path.add(seg);
                }
            }
        }
        List<RouterOsParser.ItemContext> rest = items.subList(i, items.size());
        if (verb == null) {
            if (rest.isEmpty()) {
                scope.path = List.copyOf(path); // a menu line: "/ip firewall nat"
                return;
            }
            if (rest.size() == 1 && rest.get(0).block() != null) {
                // "/ip dns { set ...; static add ... }": the block runs in that menu
                body(rest.get(0).block().body(), scope.child(List.copyOf(path), false));
                return;
            }
            verb = path.isEmpty() ? "" : path.remove(path.size() - 1);
        }
        for (RouterOsParser.ItemContext item : rest) {
            if (item.EQ() != null) {
                // the console rejects "gateway = 1.1.1.1"; so does natlint, and the command is left out
                sink.report(item.start.getLine(), item.start.getCharPositionInLine() + 1,
                        "unexpected '=': no spaces are allowed around '=' in name=value");
                return;
            }
            args.add(arg(item, scope));
        }
        commands.add(new Command(loc(start), path, verb, args, scope.conditional, false));
    }

    // ---- scripting statements -----------------------------------------------------------------

    private void scriptStatement(List<RouterOsParser.ItemContext> items, Scope scope) {
        RouterOsParser.ItemContext first = items.get(0);
        String keyword = first.WORD() == null ? "" : first.WORD().getText().toLowerCase(Locale.ROOT);
        if (isBareScriptWord(keyword)) {
            keyword = ":" + keyword;
        }
        List<Arg> args = new ArrayList<>();
        for (RouterOsParser.ItemContext item : items.subList(first.WORD() != null ? 1 : 0, items.size())) {
            args.add(arg(item, scope));
            RouterOsParser.BlockContext block = item.block() != null ? item.block()
                    : item.property() != null && item.property().value() != null ? item.property().value().block() : null;
            if (block != null) {
                body(block.body(), scope.child(scope.path, !runsUnconditionally(keyword, item)));
            }
        }
        bindLiteral(keyword, items, scope);
        commands.add(new Command(loc(first.start), List.of(), keyword, args, scope.conditional, true));
    }

    /**
     * The block argument {@code item} of {@code keyword} runs whenever the statement runs: the body of
     * {@code :do { ... }}, and the body of {@code :onerror e in={ ... }} (also written
     * {@code :onerror e { ... }}). Every other block (if/else branches, loop bodies, {@code on-error=}
     * and {@code :onerror ... do=} handlers, function bodies) runs only under a condition.
     */
    private static boolean runsUnconditionally(String keyword, RouterOsParser.ItemContext item) {
        return ((keyword.equals(":do") || keyword.equals(":onerror")) && item.block() != null)
                || (keyword.equals(":onerror") && item.property() != null
                        && item.property().KEY_EQ().getText().equals("in="));
    }

    /**
     * Tracks {@code :local}/{@code :global}/{@code :set name literal} so later {@code $name} reads the
     * literal. {@code :set} (and {@code :global name value}) changes the variable where it lives, so the
     * binding is updated in every scope up to the one whose {@code :local} declared it, or up to the top
     * for a global; an assignment that may not run, or assigns a non-literal, makes the value unknown
     * there. {@code :global name} without a value only declares access to the global and keeps its value.
     */
    private void bindLiteral(String keyword, List<RouterOsParser.ItemContext> items, Scope scope) {
        if (!(keyword.equals(":local") || keyword.equals(":global") || keyword.equals(":set")) || items.size() < 2
                || items.get(1).WORD() == null) {
            return;
        }
        String name = items.get(1).getText();
        String literal = null;
        if (items.size() == 3 && !scope.conditional) {
            RouterOsParser.ItemContext v = items.get(2);
            if (v.WORD() != null) {
                literal = Escapes.joinContinuations(v.getText());
            } else if (v.STRING() != null) {
                literal = decode(v.STRING().getSymbol());
            }
        }
        if (keyword.equals(":local")) {
            scope.declared.add(name);
            scope.bind(name, literal);
        } else if (keyword.equals(":set") || items.size() > 2) {
            for (Scope s = scope; s != null; s = s.parent) {
                s.bind(name, literal);
                if (s.declared.contains(name)) {
                    break;
                }
            }
        }
    }

    // ---- arguments and values -----------------------------------------------------------------

    private Arg arg(RouterOsParser.ItemContext item, Scope scope) {
        Location at = loc(item.start);
        if (item.property() != null) {
            String key = item.property().KEY_EQ().getText();
            return new Arg.Property(key.substring(0, key.length() - 1), value(item.property().value(), scope), at);
        }
        TerminalNode word = item.WORD();
        if (word != null) {
            return new Arg.Positional(Value.word(Escapes.joinContinuations(word.getText())), at);
        }
        if (item.STRING() != null) {
            return new Arg.Positional(stringValue(item.STRING()), at);
        }
        if (item.VAR() != null) {
            return new Arg.Positional(variable(item.VAR().getSymbol(), scope), at);
        }
        if (item.subst() != null) {
            Arg selector = selector(item.subst(), at);
            if (selector != null) {
                return selector;
            }
        }
        return new Arg.Opaque(source(item), at);
    }

    private Value value(RouterOsParser.ValueContext v, Scope scope) {
        if (v == null) {
            return new Value(Value.Kind.EMPTY, "", "");
        }
        if (v.VALUE() != null) {
            String raw = v.VALUE().getText();
            return new Value(Value.Kind.WORD, Escapes.joinContinuations(raw), raw);
        }
        if (v.STRING() != null) {
            return stringValue(v.STRING());
        }
        if (v.VAR() != null) {
            return variable(v.VAR().getSymbol(), scope);
        }
        Value.Kind kind = v.subst() != null ? Value.Kind.SUBSTITUTION
                : v.block() != null ? Value.Kind.BLOCK : Value.Kind.EXPRESSION;
        String raw = source(v);
        return new Value(kind, raw, raw);
    }

    private Value stringValue(TerminalNode node) {
        return new Value(Value.Kind.STRING, decode(node.getSymbol()), node.getText());
    }

    private String decode(Token t) {
        return Escapes.decodeQuoted(t.getText());
    }

    private Value variable(Token t, Scope scope) {
        String raw = t.getText();
        String name = raw.length() > 1 && raw.charAt(1) == '"' ? Escapes.decodeQuoted(raw.substring(1))
                : raw.substring(1);
        String bound = scope.locals.get(name);
        return bound != null ? new Value(Value.Kind.WORD, bound, raw) : new Value(Value.Kind.VARIABLE, raw, raw);
    }

    private static final java.util.regex.Pattern FLAG = java.util.regex.Pattern.compile("!?[a-z][a-z0-9-]*");

    /** {@code [ find where a=b c!=d e~"re" ]} to conditions; null when the substitution is not a find. */
    private Arg.Selector selector(RouterOsParser.SubstContext subst, Location at) {
        List<RouterOsParser.StatementContext> sts = subst.body().statement();
        String raw = source(subst);
        if (sts.isEmpty()) {
            return null;
        }
        List<RouterOsParser.ItemContext> items = sts.get(0).item();
        if (sts.size() != 1 || items.get(0).WORD() == null || !items.get(0).getText().endsWith("find")) {
            return null;
        }
        List<Arg.Condition> conditions = new ArrayList<>();
        for (int i = 1; i < items.size(); i++) {
            RouterOsParser.ItemContext item = items.get(i);
            String text = item.getText();
            if (item.WORD() != null && (text.equals("where") || text.equals("and") || text.equals("&&"))) {
                continue;
            }
            if (item.property() != null) {
                String key = item.property().KEY_EQ().getText();
                boolean not = key.startsWith("!");
                conditions.add(new Arg.Condition(key.substring(not ? 1 : 0, key.length() - 1), not ? "!=" : "=",
                        value(item.property().value(), new Scope(List.of(), false, Map.of(), null)).text()));
            } else if (item.WORD() != null && text.endsWith("~") && i + 1 < items.size()) {
                conditions.add(new Arg.Condition(text.substring(0, text.length() - 1), "~", literal(items.get(++i))));
            } else if (item.WORD() != null && text.endsWith("!") && i + 2 < items.size()
                    && items.get(i + 1).EQ() != null) {
                conditions.add(new Arg.Condition(text.substring(0, text.length() - 1), "!=", literal(items.get(i + 2))));
                i += 2;
            } else if (item.WORD() != null && FLAG.matcher(text).matches()) {
                // a bare property name is a yes/no test: "dynamic", "!disabled"
                boolean not = text.startsWith("!");
                conditions.add(new Arg.Condition(text.substring(not ? 1 : 0), not ? "!flag" : "flag", ""));
            } else {
                // "||", "or", parentheses, comparisons natlint does not evaluate: the selection is unknown
                conditions.add(new Arg.Condition("?", "?", text));
            }
        }
        return new Arg.Selector(conditions, raw, at);
    }

    private String literal(RouterOsParser.ItemContext item) {
        return item.STRING() != null ? decode(item.STRING().getSymbol()) : Escapes.joinContinuations(item.getText());
    }

    private Location loc(Token t) {
        return new Location(file, t.getLine(), t.getCharPositionInLine() + 1);
    }

    /** The exact source text of a subtree, whitespace included. */
    private static String source(ParserRuleContext ctx) {
        if (ctx.start == null || ctx.stop == null || ctx.stop.getStopIndex() < ctx.start.getStartIndex()) {
            return ctx.getText();
        }
        return ctx.start.getInputStream().getText(Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
    }
}
