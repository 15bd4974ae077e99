package dev.natlint.flow;

import dev.natlint.diag.Assumption;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.Table;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.Policy;
import dev.natlint.policy.PolicyRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a mangle chain the way RouterOS does, to learn which marks each part of a flow carries after it:
 * top to bottom, {@code mark-connection} / {@code mark-packet} / {@code mark-routing} set their mark and
 * let the packet go on unless {@code passthrough=no}, {@code accept} ends the walk, {@code jump} and
 * {@code return} move between chains; every other action only counts, logs or tags. Later rules see the
 * marks earlier ones set, so a part is followed on with its new marks.
 *
 * <p>Mangle rules never drop or rewrite addresses: the walk splits packets by marks only, and the parts
 * together are exactly the input.
 */
final class MangleWalk {

    /** Rule visits allowed per walk; hostile fan-out through jumps ends in an unknown verdict, not a hang. */
    private static final int RULE_BUDGET = 200_000;

    /** A part of the walked packets, the marks it leaves with, and what those marks rest on. */
    record Part(PacketSet packets, Marks marks, List<Assumption> notes) {
    }

    private final RuleMatcher matcher;
    /**
     * The kinds of marks some filter or NAT rule reads, directly or through a mangle rule that sets such a
     * mark on a mark of another kind, and routing marks wherever one is set before the routing decision
     * (it chooses the table). Marks no verdict can depend on are not followed: a load balancer's
     * classifier rules change nothing natlint decides unless they end in a routing mark.
     */
    private final Set<Guard.MarkKind> observed;
    private final boolean setsObservedMarks;
    private int budget;

    MangleWalk(RuleMatcher matcher) {
        this.matcher = matcher;
        Policy policy = matcher.policy();
        Set<Guard.MarkKind> kinds = EnumSet.noneOf(Guard.MarkKind.class);
        for (Table t : List.of(Table.NAT, Table.FILTER)) {
            for (PolicyRule r : policy.rules(t)) {
                if (!r.disabled()) {
                    r.guards().stream().filter(g -> g instanceof Guard.Mark).forEach(g -> kinds.add(((Guard.Mark) g).kind()));
                }
            }
        }
        if (policy.rules(Table.MANGLE).stream().anyMatch(r -> routesBeforeRouting(r)
                && ((Action.SetMark) r.action()).mark().isPresent())) {
            kinds.add(Guard.MarkKind.ROUTING);
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (PolicyRule r : policy.rules(Table.MANGLE)) {
                if (!r.disabled() && r.action() instanceof Action.SetMark m && kinds.contains(m.kind())) {
                    for (Guard g : r.guards()) {
                        grew |= g instanceof Guard.Mark read && kinds.add(read.kind());
                    }
                }
            }
        }
        this.observed = kinds;
        this.setsObservedMarks = policy.rules(Table.MANGLE).stream().anyMatch(r -> !r.disabled()
                && r.action() instanceof Action.SetMark m && m.mark().isPresent() && kinds.contains(m.kind()));
    }

    /**
     * The parts of {@code packets} (client coordinates, rewritten so far by {@code t}) by the marks they
     * carry after mangle chain {@code chain}. Where no enabled mangle rule sets a mark, nothing can change
     * and the input comes back whole.
     */
    List<Part> walk(String chain, PacketSet packets, Translation t, Stage stage, RuleMatcher.ConnState state) {
        Policy policy = matcher.policy();
        if (!setsObservedMarks || packets.isEmpty() || policy.enabled(Table.MANGLE, chain).isEmpty()) {
            return List.of(new Part(packets, state.marks(), List.of()));
        }
        budget = RULE_BUDGET;
        List<Part> done = new ArrayList<>();
        Deque<String> callers = new ArrayDeque<>();
        List<Part> fellOff = walk(chain, new Part(packets, state.marks(), List.of()), t, stage, state, callers, done);
        done.addAll(fellOff);
        return coalesce(done);
    }

    /**
     * Walks {@code chain} rule by rule with every part still in it; returns the parts that leave it at its
     * end or by {@code return}, and adds those that finish the whole walk ({@code accept},
     * {@code passthrough=no}) to {@code done}.
     */
    private List<Part> walk(String chain, Part in, Translation t, Stage stage, RuleMatcher.ConnState state,
                            Deque<String> callers, List<Part> done) {
        List<PolicyRule> rules = matcher.policy().enabled(Table.MANGLE, chain);
        List<Part> out = new ArrayList<>();
        List<Part> live = List.of(in);
        callers.push(chain);
        for (int i = 0; i < rules.size() && !live.isEmpty(); i++) {
            PolicyRule rule = rules.get(i);
            Action action = rule.action();
            boolean sets = action instanceof Action.SetMark m && m.mark().isPresent() && observed.contains(m.kind());
            // a mark nothing reads changes nothing, but passthrough=no still ends the walk
            boolean ends = action instanceof Action.Accept
                    || action instanceof Action.SetMark m && !m.passthrough() && !sets;
            if (!sets && !ends && action.effect() != Action.Effect.JUMP && action.effect() != Action.Effect.RETURN) {
                // counting, logging, tagging: the marks stay as they are
                continue;
            }
            budget -= live.size();
            if (budget < 0) {
                Assumption spent = Assumption.unknown(rule.location().line(), "analysis budget exhausted in mangle chain "
                        + chain + "; the marks set from here on are not known");
                live = live.stream().map(p -> new Part(p.packets(), p.marks(), Assumption.merge(p.notes(), List.of(spent))))
                        .toList();
                break;
            }
            List<Part> next = new ArrayList<>();
            for (Part p : live) {
                step(rule, chain, sets, ends, p, t, stage, state, callers, done, out, next);
            }
            live = coalesce(next);
        }
        callers.pop();
        out.addAll(live);
        return out;
    }

    /** One rule applied to one part: what goes on in this chain lands in {@code next}. */
    private void step(PolicyRule rule, String chain, boolean sets, boolean ends, Part p, Translation t, Stage stage,
                      RuleMatcher.ConnState state, Deque<String> callers, List<Part> done, List<Part> out,
                      List<Part> next) {
        RuleMatcher.Match m = matcher.match(rule, stage, state.withMarks(p.marks()));
        PacketSet hit = p.packets().intersect(t.preimage(m.packets()));
        PacketSet left = hit.isEmpty() ? p.packets() : p.packets().subtract(hit);
        List<Assumption> notes = p.notes();
        if (!m.maybe().isEmpty() && !left.intersect(t.preimage(m.maybe())).isEmpty()) {
            // packets the rule may take too (a DNS name in a list): they go on as they are, on its assumptions
            notes = Assumption.merge(notes, m.assumptionsAt(rule.location().line()));
        }
        if (!left.isEmpty()) {
            next.add(new Part(left, p.marks(), notes));
        }
        if (hit.isEmpty()) {
            return;
        }
        List<Assumption> own = Assumption.merge(notes, m.assumptionsAt(rule.location().line()));
        List<Assumption> unmatched = notMatching(rule);
        if ((sets || ends) && !unmatched.isEmpty()) {
            // whether the rule matches rests on a matcher natlint does not model (a load balancer's
            // per-connection-classifier): the packets that it does not match go on as they are
            next.add(new Part(hit, p.marks(), Assumption.merge(notes, unmatched)));
        }
        Action action = rule.action();
        if (sets) {
            Action.SetMark set = (Action.SetMark) action;
            // new-connection-mark=no-mark clears the mark
            String mark = set.mark().get().equals("no-mark") ? "" : set.mark().get();
            Part marked = new Part(hit, p.marks().with(set.kind(), mark), own);
            (set.passthrough() ? next : done).add(marked);
        } else if (ends) {
            done.add(new Part(hit, p.marks(), own));
        } else if (action.effect() == Action.Effect.RETURN) {
            out.add(new Part(hit, p.marks(), own));
        } else {
            String target = ((Action.Jump) action).target().orElse("");
            if (callers.contains(target)) {
                next.add(new Part(hit, p.marks(), Assumption.merge(notes, List.of(Assumption.assumed(
                        rule.location().line(), "jump loop into chain " + target + " ignored")))));
                return;
            }
            next.addAll(walk(target, new Part(hit, p.marks(), own), t, stage, state, callers, done));
        }
    }

    /** Parts that differ only in what they rest on stay apart up to this many; past it, only marks keep them apart. */
    private static final int MAX_PARTS = 16;

    /**
     * One part per marks and notes, in the order they first appear; past {@link #MAX_PARTS}, one per marks
     * with the notes of all its parts (every assumption any of them rested on), so that unmodelled matchers
     * on many mark rules cannot multiply the parts.
     */
    private static List<Part> coalesce(List<Part> parts) {
        if (parts.size() <= 1) {
            return parts;
        }
        Map<List<Object>, Part> byKey = new LinkedHashMap<>();
        for (Part p : parts) {
            byKey.merge(List.of(p.marks(), p.notes()), p,
                    (a, b) -> new Part(a.packets().union(b.packets()), a.marks(), a.notes()));
        }
        if (byKey.size() <= MAX_PARTS) {
            return List.copyOf(byKey.values());
        }
        Map<Marks, List<Part>> byMarks = new LinkedHashMap<>();
        for (Part p : byKey.values()) {
            byMarks.computeIfAbsent(p.marks(), k -> new ArrayList<>()).add(p);
        }
        List<Part> out = new ArrayList<>();
        byMarks.forEach((marks, group) -> out.add(group.size() == 1 ? group.get(0) : merged(marks, group)));
        return out;
    }

    /**
     * Parts with the same marks reached by different choices: what they all rest on, plus one assumption
     * naming the lines of the choices that differ, instead of every choice spelled out both ways.
     */
    private static Part merged(Marks marks, List<Part> group) {
        PacketSet packets = group.get(0).packets();
        List<Assumption> common = new ArrayList<>(group.get(0).notes());
        java.util.TreeSet<Integer> lines = new java.util.TreeSet<>();
        for (Part p : group) {
            packets = packets.union(p.packets());
            common.retainAll(p.notes());
        }
        for (Part p : group) {
            p.notes().stream().filter(n -> !common.contains(n)).forEach(n -> lines.add(n.line()));
        }
        if (lines.isEmpty()) {
            return new Part(packets, marks, List.copyOf(common));
        }
        String which = marks.any() ? "end with " + marks.describe() : "end unmarked";
        Assumption choice = Assumption.assumed(lines.first(), "whether the mark rules at lines "
                + lines.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                + " match rests on matchers natlint does not model; this verdict is for the connections that " + which);
        return new Part(packets, marks, Assumption.merge(List.copyOf(common), List.of(choice)));
    }

    /** Whether any walk can change a mark: otherwise every walk gives its input back whole. */
    boolean followsAnyMark() {
        return setsObservedMarks;
    }

    /** Whether routing marks are followed: some mangle rule sets one before the routing decision. */
    boolean followsRoutingMarks() {
        return observed.contains(Guard.MarkKind.ROUTING);
    }

    /**
     * Whether a mark set in {@code chain} can reach a forwarded packet's routing decision: mangle forward and
     * postrouting run after it, input and output see no forwarded packet; prerouting and custom chains
     * (jumped to from anywhere) may.
     */
    private static boolean beforeRouting(String chain) {
        return !List.of("forward", "postrouting", "input", "output").contains(chain);
    }

    /** An enabled {@code mark-routing} whose mark can reach a forwarded packet's routing decision. */
    static boolean routesBeforeRouting(PolicyRule r) {
        return !r.disabled() && r.action() instanceof Action.SetMark m && m.kind() == Guard.MarkKind.ROUTING
                && beforeRouting(r.chain());
    }

    /** The other choice for a rule with unmodelled matchers: each assumed not to match. */
    private static List<Assumption> notMatching(PolicyRule rule) {
        List<Assumption> out = new ArrayList<>();
        for (Guard g : rule.guards()) {
            if (g instanceof Guard.Unsupported u) {
                out.add(Assumption.assumed(rule.location().line(), u.quoted() + " is " + u.reason()
                        + "; assumed not to match"));
            }
        }
        return out;
    }
}
