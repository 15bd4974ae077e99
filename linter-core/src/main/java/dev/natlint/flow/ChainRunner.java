package dev.natlint.flow;

import dev.natlint.diag.Assumption;
import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Table;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.PolicyRule;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * The rules of a chain that can match anything, and per header field the rules that can match each
     * value. Packets walking a chain usually have one out-interface, one protocol, one destination and
     * port of thousands, so most rules of a large firewall are ruled out with a few bitset operations
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
        final FieldIndex[] fields = new FieldIndex[Field.values().length];

        ChainIndex(List<FirewallRule> rules, RuleMatcher matcher, Stage stage, RuleMatcher.ConnState state) {
            matches = new RuleMatcher.Match[rules.size()];
            firstSame = new int[rules.size()];
            // what a rule matches depends on its guards alone (its action, comment or log prefix play no part)
            Map<List<Guard>, Integer> seen = new HashMap<>();
            for (int i = 0; i < rules.size(); i++) {
                RuleMatcher.Match m = matcher.match(rules.get(i), stage, state);
                matches[i] = m;
                Integer first = seen.putIfAbsent(matcher.policy().of(rules.get(i)).guards(), i);
                firstSame[i] = first == null ? i : first;
                if (!m.packets().isEmpty() || !m.maybe().isEmpty()) {
                    live.set(i);
                }
            }
            for (Field f : Field.values()) {
                fields[f.ordinal()] = new FieldIndex(f, matcher.space().universe().domain(f), matches, live);
            }
        }

        /** The rules that packets inside {@code hull} may meet, in chain order. */
        BitSet candidates(PacketBox hull) {
            BitSet c = (BitSet) live.clone();
            for (FieldIndex f : fields) {
                f.narrow(c, hull.get(f.field));
            }
            return c;
        }
    }

    /**
     * For one header field: the rules that do not restrict it, and for each value (worked out the first
     * time a walk asks) the restricting rules that admit it. Only hulls of a few values are narrowed:
     * a source range of a whole subnet or the internet keeps every rule.
     */
    private static final class FieldIndex {
        private static final int MAX_VALUES = 256;
        private static final int MAX_INTERVALS = 16;

        final Field field;
        private final BitSet unrestricted = new BitSet();
        private final int[] restricting;
        private final IntervalSet[] admitted;
        private final Map<Long, BitSet> byValue = new HashMap<>();

        FieldIndex(Field field, IntervalSet domain, RuleMatcher.Match[] matches, BitSet live) {
            this.field = field;
            List<Integer> r = new ArrayList<>();
            for (int i = live.nextSetBit(0); i >= 0; i = live.nextSetBit(i + 1)) {
                IntervalSet values = matches[i].hull().get(field);
                // a long address list restricts its field, but testing each value against it costs as much
                // as the rule's own test: it stays a candidate and the walk's hull test decides
                if (values.containsAll(domain) || values.intervalCount() > MAX_INTERVALS) {
                    unrestricted.set(i);
                } else {
                    r.add(i);
                }
            }
            restricting = r.stream().mapToInt(Integer::intValue).toArray();
            admitted = new IntervalSet[restricting.length];
            for (int k = 0; k < restricting.length; k++) {
                admitted[k] = matches[restricting[k]].hull().get(field);
            }
        }

        void narrow(BitSet candidates, IntervalSet values) {
            if (restricting.length == 0 || values.size() > MAX_VALUES) {
                return;
            }
            BitSet any = (BitSet) unrestricted.clone();
            for (int k = 0; k < values.intervalCount(); k++) {
                for (long x = values.lo(k); x <= values.hi(k); x++) {
                    any.or(byValue.computeIfAbsent(x, this::admitting));
                }
            }
            candidates.and(any);
        }

        private BitSet admitting(long value) {
            BitSet b = new BitSet();
            for (int k = 0; k < restricting.length; k++) {
                if (admitted[k].contains(value)) {
                    b.set(restricting[k]);
                }
            }
            return b;
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
            if (exhausted.get(index.firstSame[i])) {
                continue;
            }
            if (hull.disjoint(m.hull())) {
                // the hull only shrinks until a jump brings packets back, so the rule's twins miss too
                exhausted.set(index.firstSame[i]);
                continue;
            }
            Split split = split(rest, t.preimage(m.packets()));
            PacketSet hit = split.hit();
            boolean maybe = !m.maybe().isEmpty() && !split.rest().intersect(t.preimage(m.maybe())).isEmpty();
            if (maybe) {
                // packets the rule may also take (a DNS name in a list): they go on, resting on its assumptions
                m.assumptionsAt(rule.location().line()).forEach(a -> add(notes, a));
            }
            if (hit.isEmpty()) {
                if (!maybe) {
                    exhausted.set(index.firstSame[i]);
                }
                continue;
            }
            List<Assumption> own = m.assumptionsAt(rule.location().line());
            Action action = typed.get(i).action();
            if (action.effect() == Action.Effect.NEXT_RULE) {
                // the packets go on: every later verdict of theirs rests on this rule's assumptions
                own.forEach(a -> add(notes, a));
                continue;
            }
            if (action.effect() == Action.Effect.RETURN) {
                own.forEach(a -> add(notes, a));
                returned = returned.union(hit);
                rest = split.rest();
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
                rest = split.rest().union(back);
                hull = currentHull(rest, t);
                exhausted.clear();
            } else {
                decided.add(new Outcome(hit, rule, Assumption.merge(List.copyOf(notes), own)));
                rest = split.rest();
                hull = currentHull(rest, t);
                exhausted.set(index.firstSame[i]);
            }
        }
        callers.pop();
        return rest.union(returned);
    }

    /** The packets a rule takes and the packets it leaves. */
    private record Split(PacketSet hit, PacketSet rest) {
    }

    /** Sets kept in {@link #splits}, counted in intervals; past this, splits are computed but not kept. */
    private static final long MEMO_INTERVALS = 1_000_000;
    /** Below this many intervals in both sets a field is split directly: remembering it would cost more. */
    private static final int MEMO_MIN_INTERVALS = 64;

    /**
     * Splits of one long field by one rule's values, by the identity of both sets. Every forward sends the
     * same internet through the same blocklists, and each step's result is the next step's input, so from
     * the second forward on the walk through a thousand list rules is a thousand lookups.
     */
    private final Map<SplitKey, IntervalSet[]> splits = new HashMap<>();
    private long memoIntervals;
    private final Map<IntervalSet, IntervalSet> shortSets = new HashMap<>();

    private record SplitKey(IntervalSet packets, IntervalSet rule) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SplitKey k && k.packets == packets && k.rule == rule;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(packets) + System.identityHashCode(rule);
        }
    }

    /**
     * {@code rest ∩ rule} and {@code rest − rule}. A single box that the rule restricts in one field only
     * (it admits every value the box has in the others) splits in that field alone, with the same boxes
     * the general set algebra yields.
     */
    private Split split(PacketSet rest, PacketSet rule) {
        if (rest.boxes().size() == 1 && rule.boxes().size() == 1) {
            PacketBox r = rest.boxes().get(0);
            PacketBox m = rule.boxes().get(0);
            Field only = null;
            boolean single = true;
            for (Field f : Field.values()) {
                if (!m.get(f).containsAll(r.get(f))) {
                    if (only != null) {
                        single = false;
                        break;
                    }
                    only = f;
                }
            }
            if (single && only == null) {
                return new Split(rest, PacketSet.empty(rest.universe()));
            }
            if (single && r.get(only).intervalCount() + m.get(only).intervalCount() >= MEMO_MIN_INTERVALS) {
                IntervalSet[] parts = fieldSplit(r.get(only), m.get(only));
                PacketSet hit = parts[0].isEmpty() ? PacketSet.empty(rest.universe())
                        : PacketSet.of(r.replace(only, parts[0]));
                PacketSet left = parts[1].isEmpty() ? PacketSet.empty(rest.universe())
                        : parts[1] == r.get(only) ? rest : PacketSet.of(r.replace(only, parts[1]));
                return new Split(hit, left);
            }
        }
        PacketSet hit = rest.intersect(rule);
        if (hit == rest) {
            // the rule takes every packet (an accept of established replies, a forward's own dst-nat)
            return new Split(rest, PacketSet.empty(rest.universe()));
        }
        return new Split(hit, hit.isEmpty() ? rest : rest.subtract(hit));
    }

    private IntervalSet[] fieldSplit(IntervalSet packets, IntervalSet rule) {
        if (packets.intervalCount() < MEMO_MIN_INTERVALS) {
            // the first step of each walk starts from a fresh copy of a short set (the internet): one
            // instance per value lets the second walk find the first one's steps
            packets = shortSets.computeIfAbsent(packets, k -> k);
        }
        SplitKey key = new SplitKey(packets, rule);
        IntervalSet[] known = splits.get(key);
        if (known != null) {
            return known;
        }
        IntervalSet hit = packets.intersect(rule);
        IntervalSet left = hit.isEmpty() ? packets : packets.subtract(rule);
        IntervalSet[] parts = {hit, left};
        long size = hit.intervalCount() + left.intervalCount();
        if (memoIntervals + size <= MEMO_INTERVALS) {
            memoIntervals += size;
            splits.put(key, parts);
        }
        return parts;
    }


    private static void add(List<Assumption> notes, Assumption a) {
        if (!notes.contains(a)) {
            notes.add(a);
        }
    }
}
