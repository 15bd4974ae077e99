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

    private final ParsedScript script;
    private final RouterConfig config;
    private FlowAnalyzer analyzer;
    private List<FlowAnalyzer.ForwardFlows> flows;

    public RuleContext(ParsedScript script, RouterConfig config) {
        this.script = script;
        this.config = config;
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

    /** A location for items natlint invents (defaults): the top of the file. */
    public Location fileStart() {
        return new Location(script.file(), 1, 1);
    }
}
