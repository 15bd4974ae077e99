package dev.natlint.flow;

import dev.natlint.graph.Link;
import dev.natlint.graph.RouteEntry;
import dev.natlint.graph.Topology;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one policy-routing pattern natlint follows exactly: replies of connections that came in on an
 * uplink are sent back out of it. Mangle marks new connections coming in on uplink X with connection
 * mark M, marks packets of M-connections with routing mark T, and table T (v7 {@code routing-table},
 * v6 {@code routing-mark}) has a default route out of X. Any other routing mark or rule stays outside
 * the model and is reported as not analysed.
 */
public final class ReplyRouting {

    private final Map<String, Set<Integer>> linesByUplink = new TreeMap<>();

    private ReplyRouting(Topology topology) {
        RouterConfig c = topology.config();
        List<FirewallRule> mangle = c.rules(Table.MANGLE).stream()
                .filter(r -> !r.disabled() && r.chain().equals("prerouting")).toList();
        for (FirewallRule markConnection : mangle) {
            Optional<String> uplink = markConnection.get("in-interface").filter(x -> !x.startsWith("!"));
            Optional<String> mark = markConnection.get("new-connection-mark");
            if (!markConnection.action().equals("mark-connection") || uplink.isEmpty() || mark.isEmpty()
                    || !onlyMatches(markConnection, Set.of("in-interface", "connection-state", "new-connection-mark",
                    "passthrough")) || !markConnection.get("connection-state").map("new"::equals).orElse(true)) {
                continue;
            }
            for (FirewallRule markRouting : mangle) {
                Optional<String> table = markRouting.get("new-routing-mark");
                if (!markRouting.action().equals("mark-routing") || table.isEmpty()
                        || !markRouting.get("connection-mark").equals(mark)
                        || !onlyMatches(markRouting, Set.of("connection-mark", "in-interface", "in-interface-list",
                        "new-routing-mark", "passthrough"))) {
                    continue;
                }
                for (Link l : topology.routing().routes(table.get())) {
                    RouteEntry r = l.route();
                    if (r.isDefault() && r.origin() == RouteEntry.Origin.STATIC && uplink.get().equals(r.iface())) {
                        linesByUplink.computeIfAbsent(uplink.get(), k -> new TreeSet<>()).addAll(List.of(
                                markConnection.location().line(), markRouting.location().line(), r.line()));
                    }
                }
            }
        }
    }

    public static ReplyRouting of(Topology topology) {
        return new ReplyRouting(topology);
    }

    /** The rule has no matcher outside {@code allowed}, so it marks every packet the pattern needs. */
    private static boolean onlyMatches(FirewallRule r, Set<String> allowed) {
        return allowed.containsAll(r.properties().keySet());
    }

    /** Whether replies of connections that came in on {@code uplink} are routed back out of it. */
    public boolean returnsBy(String uplink) {
        return linesByUplink.containsKey(uplink);
    }

    /** The lines of the mangle rules and routes that make up recognised patterns: they are analysed. */
    public Set<Integer> analysedLines() {
        Set<Integer> out = new TreeSet<>();
        linesByUplink.values().forEach(out::addAll);
        return out;
    }
}
