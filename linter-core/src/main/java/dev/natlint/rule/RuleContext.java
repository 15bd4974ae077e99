package dev.natlint.rule;

import dev.natlint.diag.Location;
import dev.natlint.flow.Flow;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.flow.ForwardsListener;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.RouterConfig;
import dev.natlint.policy.Policy;
import dev.natlint.parse.ParsedScript;
import dev.natlint.parse.RouterOsReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything a rule may look at for one file: the script, its configuration, and the {@link Analysis}
 * of its flows. The analysis runs once, on first use, and is shared by every rule.
 */
public final class RuleContext {

    private final String text;
    private final ParsedScript script;
    private final RouterConfig config;
    private FlowAnalyzer analyzer;
    private Policy policy;
    private Analysis analysis;
    /** Builds the analysis of a context (this one and every fixed variant); null for the engine's. */
    private Function<RuleContext, Analysis> analyses;
    private int fixChecks;
    private ForwardsListener forwardsListener = ForwardsListener.NONE;
    private final Map<String, Object> memo = new HashMap<>();
    /** The context this one adds a fix to, whose analysis it may reuse; null for a file as written. */
    private RuleContext original;
    /** Lines of the text, counted once: every fix checked starts its snippet after them. */
    private int lines = -1;

    public RuleContext(String text, ParsedScript script, RouterConfig config) {
        this(text, script, config, null);
    }

    /**
     * A context whose analysis, and that of every variant {@link #withAppended} makes to check a fix, is
     * {@code analyses} applied to the context: a rule's test answers with flows it built itself.
     */
    public RuleContext(String text, ParsedScript script, RouterConfig config, Function<RuleContext, Analysis> analyses) {
        this.text = text;
        this.script = script;
        this.config = config;
        this.analyses = analyses;
    }

    /** Builds the context for a script text, parsing and replaying it. */
    public static RuleContext of(String file, String text) {
        ParsedScript script = RouterOsReader.read(file, text);
        return new RuleContext(text, script, ConfigBuilder.build(script));
    }

    /** The script's text, so that rules can check a fix by analysing the script with the fix appended. */
    public String text() {
        return text;
    }

    /** The same file with {@code snippet} appended, as a user would paste a fix at its end. */
    public RuleContext withAppended(String snippet) {
        String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        String tail = snippet + (snippet.endsWith("\n") ? "" : "\n");
        if (!script.syntaxFindings().isEmpty() || endsInContinuation(text)) {
            // a file that ends inside something (a continuation backslash, an open quote or bracket)
            // reads differently with text after it, so the snippet cannot be read on its own: read the
            // whole fixed file, as a user who appends the fix gets it
            RuleContext variant = of(script.file(), text + sep + tail);
            variant.original = this;
            variant.analyses = analyses;
            return variant;
        }
        // only the snippet is parsed: re-reading the whole file for every fix checked was the largest
        // cost of checking a file with many findings
        ParsedScript extra = RouterOsReader.read(script.file(), tail, lines(sep) + 1);
        ParsedScript combined = new ParsedScript(script.file(), concat(script.commands(), extra.commands()),
                concat(script.syntaxFindings(), extra.syntaxFindings()), merge(script.commentsByLine(), extra.commentsByLine()),
                script.routerOsVersion());
        RouterConfig after = ConfigBuilder.extendFirewall(config, script, extra)
                .orElseGet(() -> ConfigBuilder.build(combined));
        RuleContext variant = new RuleContext(text + sep + tail, combined, after, analyses);
        variant.original = this;
        return variant;
    }

    /** Fixes of one file may be checked on several threads at once. */
    private synchronized int lines(String sep) {
        if (lines < 0) {
            lines = lineCount(text + sep);
        }
        return lines;
    }

    /**
     * Whether the last line ends in a continuation backslash (then at most one line break): text
     * appended after it continues that line. The file alone reads fine, the line simply ends there.
     */
    private static boolean endsInContinuation(String text) {
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return end > 0 && text.charAt(end - 1) == '\\';
    }

    private static int lineCount(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            // the reader's line numbers: ANTLR counts \n only (a lone \r ends a command, not a numbered
            // line), and a snippet's lines must be numbered as in the whole fixed file
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    private static Map<Integer, String> merge(Map<Integer, String> a, Map<Integer, String> b) {
        Map<Integer, String> out = new HashMap<>(a);
        out.putAll(b);
        return out;
    }

    public ParsedScript script() {
        return script;
    }

    public RouterConfig config() {
        return config;
    }

    public String file() {
        return script.file();
    }

    /**
     * The configuration's firewall rules in typed form (guards and actions), read once: the engine's own
     * when it analyses this file, else read from the configuration (a rule's test answers by hand).
     */
    public synchronized Policy policy() {
        if (policy == null) {
            policy = analyses == null ? analyzer().policy() : Policy.of(config);
        }
        return policy;
    }

    /**
     * The engine's analyzer of this file, for front ends that show flows (explain, trace, hovers). Rules
     * ask {@link #analysis()} instead.
     */
    public synchronized FlowAnalyzer analyzer() {
        if (analyzer == null) {
            analyzer = original == null ? FlowAnalyzer.of(config) : FlowAnalyzer.of(config, original.analyzer());
            analyzer.reportForwardsTo(forwardsListener);
        }
        return analyzer;
    }

    /** Tells {@code l} how far the analysis of this file's forwards has come (not of fixed variants). */
    public synchronized void reportForwardsTo(ForwardsListener l) {
        forwardsListener = l;
        if (analyzer != null) {
            analyzer.reportForwardsTo(l);
        }
    }

    /** What rules may ask about this file's flows, verdicts, rules and topology. */
    public synchronized Analysis analysis() {
        if (analysis == null) {
            analysis = analyses == null ? new EngineAnalysis(analyzer()) : analyses.apply(this);
        }
        return analysis;
    }

    /** Flows of every forward, grouped by forward in router order. */
    public List<ForwardFlows> flows() {
        return analysis().flows();
    }

    public List<Flow> allFlows() {
        return analysis().allFlows();
    }

    /**
     * The value computed once per file under {@code key}: rules that give many findings the same fix
     * check it once. Not computed under the lock, so {@code compute} may itself use this context.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, Supplier<T> compute) {
        synchronized (this) {
            if (memo.containsKey(key)) {
                return (T) memo.get(key);
            }
        }
        T value = compute.get();
        synchronized (this) {
            memo.putIfAbsent(key, value);
            return (T) memo.get(key);
        }
    }

    /** Counts re-analyses done to check fixes; false once {@code limit} were done for this file. */
    public synchronized boolean takeFixCheck(int limit) {
        return fixChecks++ < limit;
    }

    /** Whether {@link #takeFixCheck} with {@code limit} would still say yes; takes nothing. */
    public synchronized boolean fixChecksLeft(int limit) {
        return fixChecks < limit;
    }

    /** A location for items natlint invents (defaults): the top of the file. */
    public Location fileStart() {
        return new Location(script.file(), 1, 1);
    }
}
