package dev.natlint.rules;

import dev.natlint.diag.Fix;
import dev.natlint.flow.Flow;
import dev.natlint.flow.Forward;
import dev.natlint.flow.Source;
import dev.natlint.flow.Verdict;
import dev.natlint.net.IntervalSet;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.IpAddress;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.net.Ipv4;
import dev.natlint.rule.Analysis;
import dev.natlint.policy.Action;
import dev.natlint.policy.Policy;
import dev.natlint.policy.PolicyRule;
import dev.natlint.rule.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a fix before natlint prints it: the script is analysed again with the fix appended, and when
 * the fix lets LAN clients reach a server on their own subnet that they could not reach before (so the
 * reply would now bypass the router), the hairpin masquerade they need is added to the fix.
 */
final class FixPlanner {

    /**
     * Each check costs a full analysis of the file, so a file with hundreds of findings would take
     * minutes. The budget counts forwards analysed (not time, so output stays the same on every
     * machine): past it, fixes are printed unchecked, and say so.
     */
    static final int FORWARD_ANALYSES_PER_FILE = 2_000;
    static final int CHECKS_PER_FILE = 25;

    private FixPlanner() {
    }

    static Fix complete(RuleContext ctx, String description, String snippet) {
        return complete(ctx, description, snippet, null, null);
    }

    /**
     * @param affected lines of the forwards whose flows the fix can change, or null for every forward:
     *                 only those are analysed again
     * @param sameAs   fixes with the same non-null key have the same effect (they differ in comments
     *                 only), so the check runs once for all of them
     */
    static Fix complete(RuleContext ctx, String description, String snippet, Set<Integer> affected, String sameAs) {
        return complete(ctx, description, snippet, affected, sameAs, () -> hairpinsAfter(ctx, snippet, affected));
    }

    /**
     * As {@link #complete(RuleContext, String, String, Set, String)}, with the check itself (what
     * {@link #hairpinsAfter} answers) given: a rule with many findings computes the checks ahead, on
     * the other cores, and the budget and memory here decide, in finding order, which of them count.
     */
    static Fix complete(RuleContext ctx, String description, String snippet, Set<Integer> affected, String sameAs,
                        Supplier<List<String>> check) {
        List<String> hairpins = sameAs == null ? hairpinsNeeded(ctx, affected, check)
                : ctx.memo("fix-check:" + sameAs, () -> hairpinsNeeded(ctx, affected, check));
        if (hairpins == null) {
            return new Fix(description + " (not re-checked: too many fixes in this file to re-analyse each;"
                    + " run natlint again after applying some)", snippet);
        }
        if (hairpins.isEmpty()) {
            return new Fix(description, snippet);
        }
        boolean filter = hairpins.stream().anyMatch(l -> l.contains("/ip firewall filter add"));
        return new Fix(description + (filter ? ", plus the filter exception and hairpin masquerade LAN clients then need"
                : ", plus the hairpin masquerade LAN clients then need"), snippet + "\n" + String.join("\n", hairpins));
    }

    /** Whether completing a fix that changes the flows of {@code affected} re-analyses the file (budget permitting). */
    static boolean analyses(Set<Integer> affected) {
        return affected == null || !affected.isEmpty();
    }

    /** The hairpin rules LAN clients need once the fix is in; null when the budget is spent. */
    private static List<String> hairpinsNeeded(RuleContext ctx, Set<Integer> affected, Supplier<List<String>> check) {
        if (!analyses(affected)) {
            return List.of(); // no flow the fix changes can end up bypassing the router
        }
        int forwards = Math.max(1, affected != null ? affected.size() : ctx.flows().size());
        int checks = Math.min(CHECKS_PER_FILE, Math.max(1, FORWARD_ANALYSES_PER_FILE / forwards));
        if (!ctx.takeFixCheck(checks)) {
            return null;
        }
        return check.get();
    }

    /**
     * The hairpin rules (and filter exceptions) LAN clients need once {@code snippet} is in, found by
     * analysing the file again with it appended. Reads {@code ctx} only, so checks of different fixes
     * may run at the same time.
     */
    static List<String> hairpinsAfter(RuleContext ctx, String snippet, Set<Integer> affected) {
        Set<String> before = ctx.memo("fix-check:bypassing-before", () -> {
            Set<String> keys = new HashSet<>();
            for (Flow f : ctx.allFlows()) {
                if (f.verdict() == Verdict.REPLY_BYPASSES_ROUTER) {
                    keys.add(key(f));
                }
            }
            return Set.copyOf(keys);
        });
        RuleContext after = ctx.withAppended(snippet);
        Analysis an = after.analysis();
        // a reply bypasses the router only for a client on the server's own subnet, never for the
        // internet, whose flows are the costly ones (cut by every address list)
        List<Source> lan = an.sources().stream().filter(s -> !s.internet()).toList();
        // LAN clients the fix lets through dstnat that a filter drop then stops (an inter-subnet drop): the
        // accept hairpin-filtered would print comes with the fix, and the hairpin check sees it in place
        List<String> accepts = filterAccepts(ctx, after, affected, lan);
        if (!accepts.isEmpty()) {
            after = ctx.withAppended(snippet + "\n" + String.join("\n", accepts));
            an = after.analysis();
            lan = an.sources().stream().filter(s -> !s.internet()).toList();
        }
        IntervalSet natTargets = srcnatTargets(after.policy());
        List<Flow> flows = new ArrayList<>();
        for (Forward fw : an.forwards()) {
            if (affected == null || affected.contains(fw.line())) {
                List<Source> sources = mayBypass(an, fw, lan, natTargets);
                if (!sources.isEmpty()) {
                    flows.addAll(an.flows(fw, sources));
                }
            }
        }
        Map<String, String> hairpins = new LinkedHashMap<>();
        for (Flow f : flows) {
            if (f.verdict() == Verdict.REPLY_BYPASSES_ROUTER && !before.contains(key(f))) {
                String rule = Hairpin.specific(after, f);
                if (rule != null) {
                    // two forwards to the same server and port need the same rule once (the comments differ)
                    hairpins.putIfAbsent(rule.replaceFirst(" comment=.*$", ""), rule);
                }
            }
        }
        List<String> out = new ArrayList<>(accepts);
        out.addAll(new LinkedHashSet<>(hairpins.values()));
        return List.copyOf(out);
    }

    /** Accepts before the filter rules that drop LAN flows only once {@code after}'s fix is in. */
    private static List<String> filterAccepts(RuleContext ctx, RuleContext after, Set<Integer> affected, List<Source> lan) {
        Set<String> before = ctx.memo("fix-check:filtered-before", () -> {
            Set<String> keys = new HashSet<>();
            for (Flow f : ctx.allFlows()) {
                if (f.verdict() == Verdict.FILTERED) {
                    keys.add(key(f));
                }
            }
            return Set.copyOf(keys);
        });
        Analysis an = after.analysis();
        Set<String> accepts = new LinkedHashSet<>();
        for (Forward fw : an.forwards()) {
            if (affected == null || affected.contains(fw.line())) {
                for (Flow f : an.flows(fw, lan)) {
                    FirewallRule d = f.decisive();
                    if (f.verdict() == Verdict.FILTERED && d != null && d.table() == Table.FILTER && !before.contains(key(f))) {
                        accepts.add(HairpinFilteredRule.accept(after, d));
                    }
                }
            }
        }
        return List.copyOf(accepts);
    }

    /**
     * The LAN sources whose reply can bypass the router: those on the server's subnet, or all of them
     * when a src-nat rule may give clients an address on that subnet.
     */
    static List<Source> mayBypass(Analysis an, Forward fw, List<Source> lan, IntervalSet natTargets) {
        if (fw.targetAddresses().isEmpty()) {
            return lan;
        }
        Optional<IpAddress> subnet = an.connectedSubnetOf(fw.targetAddresses().min());
        if (subnet.isEmpty()) {
            return List.of(); // the reply is routed back through the router
        }
        IntervalSet range = IntervalSet.of(subnet.get().network(), subnet.get().broadcast());
        if (natTargets.intersects(range)) {
            return lan;
        }
        return lan.stream().filter(s -> s.addresses().intersects(range)).toList();
    }

    /** Every address a src-nat or netmap rule may give a client; all of them when one is not literal. */
    static IntervalSet srcnatTargets(Policy policy) {
        List<IntervalSet> targets = new ArrayList<>();
        for (PolicyRule r : policy.rules(Table.NAT)) {
            if (r.disabled() || !(r.action() instanceof Action.SrcNat || r.action() instanceof Action.Netmap)) {
                continue;
            }
            targets.add(r.natTarget().orElseThrow().addresses().orElse(IntervalSet.of(0, Ipv4.MAX)));
        }
        return IntervalSet.unionAll(targets);
    }

    private static String key(Flow f) {
        return f.forward().line() + "|" + f.source().name();
    }
}
