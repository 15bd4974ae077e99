package dev.natlint.rule;

import dev.natlint.diag.Location;
import dev.natlint.flow.Flow;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.model.RouterConfig;
import dev.natlint.parse.ParsedScript;
import java.util.List;

/**
 * Everything a rule may look at for one file. The flow analysis runs once, on first use, and is shared
 * by every rule.
 */
public final class RuleContext {

    private final String text;
    private final ParsedScript script;
    private final RouterConfig config;
    private FlowAnalyzer analyzer;
    private List<FlowAnalyzer.ForwardFlows> flows;
    private int fixChecks;

    public RuleContext(String text, ParsedScript script, RouterConfig config) {
        this.text = text;
        this.script = script;
        this.config = config;
    }

    /** Builds the context for a script text, parsing and replaying it. */
    public static RuleContext of(String file, String text) {
        ParsedScript script = dev.natlint.parse.RouterOsReader.read(file, text);
        return new RuleContext(text, script, dev.natlint.model.ConfigBuilder.build(script));
    }

    /** The script's text, so that rules can check a fix by analysing the script with the fix appended. */
    public String text() {
        return text;
    }

    /** The same file with {@code snippet} appended, as a user would paste a fix at its end. */
    public RuleContext withAppended(String snippet) {
        String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        return of(script.file(), text + sep + snippet + (snippet.endsWith("\n") ? "" : "\n"));
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

    public synchronized FlowAnalyzer analyzer() {
        if (analyzer == null) {
            analyzer = FlowAnalyzer.of(config);
        }
        return analyzer;
    }

    /** Flows of every forward, grouped by forward in router order. */
    public synchronized List<FlowAnalyzer.ForwardFlows> flows() {
        if (flows == null) {
            flows = analyzer().flowsByForward();
        }
        return flows;
    }

    public List<Flow> allFlows() {
        return flows().stream().flatMap(f -> f.flows().stream()).toList();
    }

    /** Counts re-analyses done to check fixes; false once {@code limit} were done for this file. */
    public synchronized boolean takeFixCheck(int limit) {
        return fixChecks++ < limit;
    }

    /** A location for items natlint invents (defaults): the top of the file. */
    public Location fileStart() {
        return new Location(script.file(), 1, 1);
    }
}
