package dev.natlint.flow;

import dev.natlint.diag.Assumption;
import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Table;
import dev.natlint.policy.Action;
import dev.natlint.policy.PolicyRule;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Runs a set of first packets through a firewall chain exactly as RouterOS does: top to bottom, first
 * matching terminal rule decides, disabled rules skipped, {@code jump} into custom chains and back on
 * {@code return} or at their end. The input set is split into the parts each deciding rule takes and
 * the part no rule decides.
 */
public final class ChainRunner {

    /** Bounds the work on hostile inputs with fan-out of jumps into jumps. */
    private static final int RULE_BUDGET = 2_000_000;

    /** A part of the input and the rule that decided it; {@code rule} is null when no rule did. */
    public record Outcome(PacketSet packets, FirewallRule rule, List<Assumption> assumptions) {
    }

    private final RuleMatcher matcher;
    private final Map<Table, Map<String, List<FirewallRule>>> chains = new LinkedHashMap<>();
    /**
     * The match of each rule of a chain, by position, per stage and connection state: a chain is
     * walked once per forward and source, and a lookup per rule by key was a large part of the walk.
     */
    private final Map<ChainKey, ChainIndex> indexes = new HashMap<>();

    private record ChainKey(Table table, String chain, Stage stage, RuleMatcher.ConnState state) {
    }

    /**
     * The rules of a chain that can match anything, and for each interface the rules whose packets
     * can come in or go out through it. Packets walking a chain usually have one or two interfaces
     * of hundreds, so most rules of a large firewall are ruled out with a few bitset operations
     * instead of one test each.
     */
    private static final class ChainIndex {
        final RuleMatcher.Match[] matches;
        /**
         * For each rule, the first rule of the chain written with the same matchers (itself when none):
         * such rules match the same packets, so once one of them took its packets, the others find none.
         * Firewalls repeat matchers a lot (one blocklist dropped on every VLAN, in every direction).
         */
        final int[] firstSame;
        final BitSet live = new BitSet();
        final BitSet[] byIn;
        final BitSet[] byOut;

        ChainIndex(List<FirewallRule> rules, RuleMatcher matcher, Stage stage, RuleMatcher.ConnState state) {
            int interfaces = matcher.space().universe().interfaces().size();
            matches = new RuleMatcher.Match[rules.size()];
            firstSame = new int[rules.size()];
            Map<Map<String, String>, Integer> seen = new HashMap<>();
            byIn = new BitSet[interfaces];
            byOut = new BitSet[interfaces];
            for (int k = 0; k < interfaces; k++) {
                byIn[k] = new BitSet();
                byOut[k] = new BitSet();
            }
            for (int i = 0; i < rules.size(); i++) {
                RuleMatcher.Match m = matcher.match(rules.get(i), stage, state);
                matches[i] = m;
                Integer first = seen.putIfAbsent(rules.get(i).properties(), i);
                firstSame[i] = first == null ? i : first;
                if (m.packets().isEmpty()) {
                    continue;
                }
                live.set(i);
                mark(byIn, m.hull().get(Field.IN_INTERFACE), i);
                mark(byOut, m.hull().get(Field.OUT_INTERFACE), i);
            }
        }

        private static void mark(BitSet[] by, IntervalSet ifaces, int rule) {
            forEachInterface(ifaces, by.length, x -> by[x].set(rule));
        }

        /** Calls {@code action} with each interface index in {@code ifaces} below {@code count}. */
        private static void forEachInterface(IntervalSet ifaces, int count, IntConsumer action) {
            for (int k = 0; k < ifaces.intervalCount(); k++) {
                for (long x = ifaces.lo(k); x <= ifaces.hi(k) && x < count; x++) {
                    action.accept((int) x);
                }
            }
        }

        /** The rules that packets inside {@code hull} may meet, in chain order. */
        BitSet candidates(PacketBox hull) {
            BitSet c = (BitSet) live.clone();
            narrow(c, byIn, hull.get(Field.IN_INTERFACE));
            narrow(c, byOut, hull.get(Field.OUT_INTERFACE));
            return c;
        }

        private static void narrow(BitSet c, BitSet[] by, IntervalSet ifaces) {
            if (ifaces.size() >= by.length) {
                return; // every interface: nothing to rule out
            }
            BitSet any = new BitSet();
            forEachInterface(ifaces, by.length, x -> any.or(by[x]));
            c.and(any);
        }
    }
    /** Rule steps left in the current {@link #run}; reset by each run. */
    private int budget;

    public ChainRunner(RuleMatcher matcher) {
        this.matcher = matcher;
        for (Table t : Table.values()) {
            Map<String, List<FirewallRule>> byChain = new LinkedHashMap<>();
            for (FirewallRule r : matcher.space().config().rules(t)) {
                if (!r.disabled()) {
                    byChain.computeIfAbsent(r.chain(), k -> new ArrayList<>()).add(r);
                }
            }
            chains.put(t, byChain);
        }
    }

    public List<FirewallRule> enabledRules(Table table, String chain) {
        return chains.get(table).getOrDefault(chain, List.of());
    }

    /** Splits {@code origin} (in client coordinates, rewritten so far by {@code t}) by the deciding rule. */
    public List<Outcome> run(Table table, String chain, PacketSet origin, Translation t, Stage stage,
                             RuleMatcher.ConnState state) {
        List<Outcome> decided = new ArrayList<>();
        List<Assumption> notes = new ArrayList<>();
        budget = RULE_BUDGET;
        PacketSet undecided = runChain(table, chain, origin, t, stage, state, decided, notes, new ArrayDeque<>());
        if (!undecided.isEmpty()) {
            decided.add(new Outcome(undecided, null, List.copyOf(notes)));
        }
        return decided;
    }

    /**
     * A box around the packets as the rules see them (rewritten fields take their new values). Coarse
     * on addresses: it is recomputed after every deciding rule, and exact projections of sets cut by
     * long address lists would cost more than the rules they let us skip.
     */
    private static PacketBox currentHull(PacketSet origin, Translation t) {
        PacketBox h = origin.span();
        for (Map.Entry<Field, IntervalSet> e : t.replaced().entrySet()) {
            h = h.replace(e.getKey(), e.getValue());
        }
        return h;
    }

    /** Returns the part that leaves this chain undecided (end of chain or {@code return}). */
    private PacketSet runChain(Table table, String chain, PacketSet input, Translation t, Stage stage,
                               RuleMatcher.ConnState state, List<Outcome> decided, List<Assumption> notes,
                               Deque<String> callers) {
        PacketSet rest = input;
        PacketSet returned = PacketSet.empty(input.universe());
        PacketBox hull = currentHull(rest, t);
        callers.push(chain);
        List<FirewallRule> rules = enabledRules(table, chain);
        List<PolicyRule> typed = matcher.policy().enabled(table, chain); // the same rules, in the same order
        ChainIndex index = indexes.computeIfAbsent(new ChainKey(table, chain, stage, state),
                k -> new ChainIndex(rules, matcher, stage, state));
        // the packets only shrink (or come back from a jump as part of what left), so the rules
        // that can meet them at the start are all the rules that can meet them later
        BitSet candidates = index.candidates(hull);
        // matchers (by their first rule) none of whose packets are left in rest; cleared when rest grows
        BitSet exhausted = new BitSet();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            FirewallRule rule = rules.get(i);
            if (rest.isEmpty()) {
                break;
            }
            if (--budget < 0) {
                // what is left counts as undecided, so its verdict must not be taken as exact
                add(notes, Assumption.unknown(rule.location().line(), "analysis budget exhausted in chain " + chain
                        + "; this and later rules were not evaluated"));
                break;
            }
            RuleMatcher.Match m = index.matches[i];
            if (exhausted.get(index.firstSame[i]) || hull.disjoint(m.hull())) {
                continue;
            }
            PacketSet hit = rest.intersect(t.preimage(m.packets()));
            if (hit.isEmpty()) {
                exhausted.set(index.firstSame[i]);
                continue;
            }
            List<Assumption> own = assumptions(rule, m);
            Action action = typed.get(i).action();
            if (action.effect() == Action.Effect.NEXT_RULE) {
                // the packets go on: every later verdict of theirs rests on this rule's assumptions
                own.forEach(a -> add(notes, a));
                continue;
            }
            if (action.effect() == Action.Effect.RETURN) {
                own.forEach(a -> add(notes, a));
                returned = returned.union(hit);
                rest = rest.subtract(hit);
                hull = currentHull(rest, t);
                exhausted.set(index.firstSame[i]);
            } else if (action instanceof Action.Jump jump) {
                own.forEach(a -> add(notes, a));
                String target = jump.target().orElse("");
                if (callers.contains(target)) {
                    add(notes, Assumption.assumed(rule.location().line(), "jump loop into chain " + target
                            + " ignored"));
                    continue;
                }
                PacketSet back = runChain(table, target, hit, t, stage, state, decided, notes, callers);
                rest = rest.subtract(hit).union(back);
                hull = currentHull(rest, t);
                exhausted.clear();
            } else {
                decided.add(new Outcome(hit, rule, Assumption.merge(List.copyOf(notes), own)));
                rest = rest.subtract(hit);
                hull = currentHull(rest, t);
                exhausted.set(index.firstSame[i]);
            }
        }
        callers.pop();
        return rest.union(returned);
    }

    private static List<Assumption> assumptions(FirewallRule rule, RuleMatcher.Match m) {
        List<Assumption> out = new ArrayList<>(m.assumptions().size());
        for (String reason : m.assumptions()) {
            out.add(Assumption.assumed(rule.location().line(), reason));
        }
        return out;
    }

    private static void add(List<Assumption> notes, Assumption a) {
        if (!notes.contains(a)) {
            notes.add(a);
        }
    }
}
