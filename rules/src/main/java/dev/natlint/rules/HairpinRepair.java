package dev.natlint.rules;

import dev.natlint.flow.Flow;
import dev.natlint.flow.Forward;
import dev.natlint.flow.Verdict;
import dev.natlint.net.IntervalSet;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Table;
import dev.natlint.net.Ipv4;
import dev.natlint.net.Ports;
import dev.natlint.rule.Analysis;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.PolicyRule;
import dev.natlint.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When the script already has a hairpin rule for a forward that does not work, the precise cause is in
 * that rule, and the one-change fix is to correct it rather than add another: it is disabled, it matches
 * the public port where srcnat sees the translated one, or its port range covers only part of the
 * forward's. Each candidate change is proven the way fixes are: natlint analyses the script with it
 * appended, and only a change that makes the client's flow work is offered.
 */
final class HairpinRepair {

    /** A correction of an existing rule, with the cause it removes. */
    record Repair(FirewallRule rule, String cause, String description, String snippet) {
    }

    private HairpinRepair() {
    }

    static Optional<Repair> of(RuleContext ctx, Flow f) {
        Forward fw = f.forward();
        long server = fw.targetAddresses().min();
        String fwdProto = ctx.policy().of(fw.rule()).protocol().map(Guard::written).orElse(null);
        // the ports srcnat sees: the translated ones, else the forward's own
        IntervalSet seen = fw.targetPorts() != null ? fw.targetPorts() : fw.ports();
        for (PolicyRule typed : ctx.policy().rules(Table.NAT)) {
            FirewallRule r = typed.source();
            if (!typed.chain().equals("srcnat")
                    || !(typed.action() instanceof Action.Masquerade || typed.action() instanceof Action.SrcNat)
                    || !typed.address(Guard.Side.DST).filter(a -> !a.negated())
                    .flatMap(Guard.Address::addresses).map(a -> a.contains(server)).orElse(false)) {
                continue; // only rules written for this server: never repurpose an unrelated rule
            }
            List<Repair> tries = new ArrayList<>();
            String line = "line " + r.location().line();
            if (r.disabled()) {
                tries.add(new Repair(r, "the hairpin rule at " + line + " is disabled",
                        "enable the hairpin rule at " + line, Selectors.command(ctx, r, "enable", "")));
            }
            Optional<Guard.Ports> dstPort = typed.ports(Guard.PortSide.DST).filter(p -> !p.negated());
            Optional<IntervalSet> ports = dstPort.flatMap(Guard.Ports::ports);
            if (ports.isPresent() && !ports.get().containsAll(seen)
                    && (fwdProto == null || fwdProto.equals(typed.protocol().map(Guard::written).orElse(fwdProto)))) {
                boolean publicPort = fw.targetPorts() != null && ports.get().intersects(fw.ports())
                        && !ports.get().intersects(seen);
                String want = Ports.format(ports.get().intersects(seen) ? ports.get().union(seen) : seen);
                String cause = publicPort
                        ? "the hairpin rule at " + line + " matches " + dstPort.get().quoted()
                        + ", the public port, but srcnat sees the translated port " + Ports.format(seen)
                        : "the hairpin rule at " + line + " matches " + dstPort.get().quoted()
                        + ", only part of the forward's " + Ports.format(seen);
                tries.add(new Repair(r, cause, (publicPort ? "correct" : "widen") + " the dst-port of the hairpin rule at "
                        + line, Selectors.command(ctx, r, "set", "dst-port=" + want)));
            }
            for (Repair t : tries) {
                if (!t.snippet().startsWith("#") && repairs(ctx, f, t.snippet())) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the client's flows through the forward stop bypassing the router with {@code snippet} appended. */
    private static boolean repairs(RuleContext ctx, Flow f, String snippet) {
        RuleContext after = ctx.withAppended(snippet);
        Analysis an = after.analysis();
        for (Forward fw : an.forwards()) {
            if (fw.line() == f.forward().line()) {
                return an.flows(fw, an.sources().stream().filter(s -> s.name().equals(f.source().name())).toList())
                        .stream().noneMatch(x -> x.verdict() == Verdict.REPLY_BYPASSES_ROUTER);
            }
        }
        return false;
    }
}
