package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Related;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Flow;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Source;
import dev.natlint.flow.Verdict;
import dev.natlint.net.IntervalSet;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Quoting;
import dev.natlint.model.Table;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import dev.natlint.work.Ahead;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A forward-chain rule drops LAN clients' connections to a forwarded server. */
@RulePattern(id = HairpinFilteredRule.ID, severity = Severity.ERROR,
        summary = "A forward filter rule drops LAN clients' connections to a forwarded port",
        description = "After dst-nat the LAN client's packet is routed from the LAN to the server and passes the filter"
                + " forward chain; a rule there (a LAN-to-LAN or inter-VLAN drop, or a final drop-all without an"
                + " exception for connection-nat-state=dstnat) drops it.")
public final class HairpinFilteredRule extends BaseRule {

    public static final String ID = "hairpin-filtered";

    /** Threads the fix checks run on, the rule's own included. */
    private final int threads;

    public HairpinFilteredRule() {
        this(Ahead.cores());
    }

    /** Checks fixes on {@code threads} threads (1: each where its finding needs it). */
    HairpinFilteredRule(int threads) {
        this.threads = threads;
    }

    /** A flow a forward filter rule drops, with the fix natlint will offer for it. */
    private record Broken(ForwardFlows ff, Flow flow, String accept, Set<Integer> affected, String sameAs) {
    }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Broken> broken = new ArrayList<>();
        for (ForwardFlows ff : ctx.flows()) {
            Flow f = ff.flows().stream().filter(x -> x.verdict() == Verdict.FILTERED && !x.source().internet()
                    && x.decisive() != null && !x.decisive().chain().equals("srcnat")).findFirst().orElse(null);
            if (f != null) {
                FirewallRule drop = f.decisive();
                broken.add(new Broken(ff, f, accept(ctx, drop), changed(ctx, drop),
                        "accept dstnat before " + drop.table() + " " + drop.position()));
            }
        }
        // every fix check is an analysis of the whole file; they do not depend on each other, so the
        // ones the findings below may ask for are computed ahead on the other cores: per finding the
        // later drops, and for the first finding of each fix (the others share its result) the fix
        List<java.util.function.Supplier<Object>> checks = new ArrayList<>();
        int[] laterDropsCheck = new int[broken.size()];
        int[] fixCheck = new int[broken.size()];
        Set<String> fixesSeen = new HashSet<>();
        for (int k = 0; k < broken.size(); k++) {
            Broken b = broken.get(k);
            laterDropsCheck[k] = checks.size();
            checks.add(() -> laterDropsChain(ctx, b.flow()));
            fixCheck[k] = -1;
            if (FixPlanner.analyses(b.affected()) && fixesSeen.add(b.sameAs())) {
                fixCheck[k] = checks.size();
                checks.add(() -> FixPlanner.hairpinsAfter(ctx, b.accept(), b.affected()));
            }
        }
        List<Finding> out = new ArrayList<>();
        // no check counts once the file's budget is spent
        try (Ahead<Object> ahead = new Ahead<>(checks, threads, threads,
                i -> ctx.fixChecksLeft(FixPlanner.CHECKS_PER_FILE), Thread.currentThread().getName() + "-fix-checks")) {
            for (int k = 0; k < broken.size(); k++) {
                Broken b = broken.get(k);
                Flow f = b.flow();
                FirewallRule drop = f.decisive();
                FirewallRule fwd = b.ff().forward().rule();
                boolean reply = f.replyDropped();
                int chain = laterDropsCheck[k];
                @SuppressWarnings("unchecked")
                List<FirewallRule> more = laterDrops(ctx, () -> (List<Object>) ahead.get(chain));
                String msg = Describe.client(f, ctx.analysis()) + ": the filter rule at " + Describe.rule(drop)
                        + (reply ? " drops the server's reply from " + Describe.target(f) : " drops the connection to "
                        + Describe.target(f) + " after dst-nat") + (more.isEmpty() ? "" : "; without it, "
                        + String.join(", then ", more.stream().map(Describe::rule).toList()) + " would drop it too") + ".";
                int fix = fixCheck[k];
                @SuppressWarnings("unchecked")
                java.util.function.Supplier<List<String>> check = fix < 0
                        ? () -> FixPlanner.hairpinsAfter(ctx, b.accept(), b.affected())
                        : () -> (List<String>) ahead.get(fix);
                out.add(finding(fwd.location(), msg, FixPlanner.complete(ctx, "accept port-forwarded connections, both"
                        + " directions, before the drop rule at line " + drop.location().line(), b.accept(),
                        b.affected(), b.sameAs(), check),
                        List.of(f), List.of(new Related(drop.location(), "this filter rule drops the connection"))));
            }
        }
        return out;
    }

    /** The accept for port-forwarded connections placed just above {@code drop}, with a comment naming it. */
    static String accept(RuleContext ctx, FirewallRule drop) {
        // connection-nat-state=dstnat holds for both directions of a port-forwarded connection
        StringBuilder sb = new StringBuilder("/ip firewall filter add action=accept chain=").append(drop.chain())
                .append(" connection-nat-state=dstnat ");
        java.util.Optional<String> before = Selectors.placeBefore(ctx, drop);
        if (before.isEmpty()) {
            sb.insert(0, Selectors.unselectable(drop, "add the rule below above it:") + "\n");
        }
        before.ifPresent(p -> sb.append(p).append(' '));
        // one comment per drop rule: the same accept fixes every forward that drop breaks
        sb.append("comment=").append(Quoting.quote("natlint: let port-forwarded connections through before the "
                + drop.chain() + " " + drop.action() + " at line " + drop.location().line()));
        return sb.toString();
    }

    /** How many further rules to look for behind the first one; each look costs an analysis. */
    private static final int MORE_DROPS = 3;

    /**
     * The filter rules that would drop the flow once the ones before them were gone, found by analysing
     * the script with each found rule disabled in turn (never printed: only to name every rule that
     * breaks the flow). The one accept placed before the first covers them all, as accept ends the chain.
     * Each look takes one fix check of the file's budget, as {@code chain} (computed without one) says.
     */
    private static List<FirewallRule> laterDrops(RuleContext ctx, java.util.function.Supplier<List<Object>> chain) {
        List<FirewallRule> out = new ArrayList<>();
        List<Object> looks = null;
        for (int i = 0; i < MORE_DROPS && ctx.takeFixCheck(FixPlanner.CHECKS_PER_FILE); i++) {
            if (looks == null) {
                looks = chain.get(); // asked for once, when the budget allows the first look
            }
            if (i >= looks.size()) {
                break; // the look found no further rule
            }
            if (looks.get(i) instanceof Failed failed) {
                failed.rethrow();
            }
            out.add((FirewallRule) looks.get(i));
        }
        return out;
    }

    /** A look that threw: thrown again when the finding gets that far. */
    private record Failed(Throwable cause) {
        void rethrow() {
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) cause;
        }
    }

    /**
     * Every look {@link #laterDrops} may take, budget aside: the rules found, in order, up to the first
     * look that finds none (or threw: then a {@link Failed} in its place). Reads {@code ctx} only.
     */
    private static List<Object> laterDropsChain(RuleContext ctx, Flow f) {
        List<Object> out = new ArrayList<>();
        StringBuilder disabled = new StringBuilder();
        FirewallRule drop = f.decisive();
        try {
            for (int i = 0; i < MORE_DROPS; i++) {
                java.util.Optional<String> sel = Selectors.of(ctx, drop);
                if (sel.isEmpty()) {
                    break;
                }
                disabled.append(drop.table().menu()).append(" disable ").append(sel.get()).append('\n');
                RuleContext without = ctx.withAppended(disabled.toString());
                Flow next = null;
                for (dev.natlint.flow.Forward fw : without.analysis().forwards()) {
                    if (fw.line() == f.forward().line()) {
                        next = without.analysis().flows(fw, List.of(f.source())).stream()
                                .filter(x -> x.verdict() == Verdict.FILTERED && x.decisive() != null
                                        && x.decisive().table() == Table.FILTER).findFirst().orElse(null);
                    }
                }
                if (next == null) {
                    break;
                }
                // the rule as the file has it, for its line
                FirewallRule found = next.decisive();
                drop = ctx.config().rules(Table.FILTER).stream().filter(r -> r.location().equals(found.location()))
                        .findFirst().orElse(null);
                if (drop == null || out.contains(drop)) {
                    break;
                }
                out.add(drop);
            }
        } catch (RuntimeException | StackOverflowError e) {
            out.add(new Failed(e));
        }
        return out;
    }

    /**
     * The forwards whose flows an accept placed before {@code drop} can turn into replies that bypass
     * the router: those with a flow a filter rule dropped (not an earlier rule of the same chain: the
     * accept comes too late for those) from a LAN client whose reply could bypass the router. Only
     * these are analysed again to check the fix; when there are none, nothing needs checking.
     */
    private static Set<Integer> changed(RuleContext ctx, FirewallRule drop) {
        Set<Integer> lines = new TreeSet<>();
        for (Dropped d : droppedMayBypass(ctx)) {
            if (!(d.rule().chain().equals(drop.chain()) && d.rule().position() < drop.position())) {
                lines.add(d.forwardLine());
            }
        }
        return lines;
    }

    /** A LAN flow a filter rule dropped, from a client whose reply could bypass the router. */
    private record Dropped(int forwardLine, FirewallRule rule) {
    }

    /** Computed once per file: every finding of the file asks. */
    private static List<Dropped> droppedMayBypass(RuleContext ctx) {
        return ctx.memo("hairpin-filtered:dropped", () -> {
            IntervalSet natTargets = FixPlanner.srcnatTargets(ctx.policy());
            List<Dropped> out = new ArrayList<>();
            for (ForwardFlows ff : ctx.flows()) {
                Set<Source> mayBypass = new HashSet<>();
                for (Flow x : ff.flows()) {
                    FirewallRule d = x.decisive();
                    if (x.verdict() != Verdict.FILTERED || x.source().internet() || d == null || d.table() != Table.FILTER) {
                        continue;
                    }
                    if (mayBypass.contains(x.source()) || !FixPlanner.mayBypass(ctx.analysis(), ff.forward(),
                            List.of(x.source()), natTargets).isEmpty()) {
                        mayBypass.add(x.source());
                        out.add(new Dropped(ff.forward().line(), d));
                    }
                }
            }
            return List.copyOf(out);
        });
    }
}
