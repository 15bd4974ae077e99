package dev.natlint.flow;

import dev.natlint.graph.Link;
import dev.natlint.graph.RouteEntry;
import dev.natlint.graph.Topology;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.Policy;
import dev.natlint.policy.PolicyRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The one policy-routing pattern natlint follows exactly: replies of connections that came in on an
 * uplink are sent back out of it. Mangle marks new connections coming in on uplink X with connection
 * mark M, marks packets of M-connections with routing mark T, and table T (v7 {@code routing-table},
 * v6 {@code routing-mark}) has a default route out of X. Any other routing mark or rule stays outside
 * the model and is reported as not analysed.
 */
public final class ReplyRouting {

    private final Map<String, Set<Integer>> linesByUplink = new TreeMap<>();

    private ReplyRouting(Topology topology, Policy policy) {
        RouterConfig c = topology.config();
        List<PolicyRule> mangle = policy.rules(Table.MANGLE).stream()
                .filter(r -> !r.disabled() && r.chain().equals("prerouting")).toList();
        for (PolicyRule markConnection : mangle) {
            Optional<String> uplink = markConnection.guard(Guard.Interface.class,
                    g -> g.direction() == Guard.Direction.IN).filter(g -> !g.negated()).map(Guard.Interface::name);
            Optional<String> mark = setMark(markConnection, Guard.MarkKind.CONNECTION);
            if (mark.isEmpty() || uplink.isEmpty()
                    || !onlyGuards(markConnection, g -> isIn(g, Guard.Interface.class) || g instanceof Guard.ConnectionState)
                    || !markConnection.guard(Guard.ConnectionState.class)
                            .map(g -> !g.negated() && g.states().equals(List.of("new"))).orElse(true)) {
                continue;
            }
            for (PolicyRule markRouting : mangle) {
                Optional<String> table = setMark(markRouting, Guard.MarkKind.ROUTING);
                if (table.isEmpty()
                        || !markRouting.guard(Guard.Mark.class, g -> g.kind() == Guard.MarkKind.CONNECTION)
                                .map(Guard::written).equals(mark)
                        || !onlyGuards(markRouting, g -> (g instanceof Guard.Mark m && m.kind() == Guard.MarkKind.CONNECTION)
                                || isIn(g, Guard.Interface.class) || isIn(g, Guard.InterfaceList.class))) {
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

    public static ReplyRouting of(Topology topology, Policy policy) {
        return new ReplyRouting(topology, policy);
    }

    /** The new mark a mark-connection / mark-routing rule sets. */
    private static Optional<String> setMark(PolicyRule r, Guard.MarkKind kind) {
        return r.action() instanceof Action.SetMark m && m.kind() == kind ? m.mark() : Optional.empty();
    }

    private static boolean isIn(Guard g, Class<? extends Guard> kind) {
        if (g instanceof Guard.Interface i) {
            return kind == Guard.Interface.class && i.direction() == Guard.Direction.IN;
        }
        return g instanceof Guard.InterfaceList l && kind == Guard.InterfaceList.class
                && l.direction() == Guard.Direction.IN;
    }

    /** The rule has no matcher outside {@code allowed}, so it marks every packet the pattern needs. */
    private static boolean onlyGuards(PolicyRule r, Predicate<Guard> allowed) {
        return r.guards().stream().allMatch(allowed);
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
