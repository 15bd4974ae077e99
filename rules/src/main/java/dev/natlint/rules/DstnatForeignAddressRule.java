package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Flow;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Verdict;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.IpAddress;
import dev.natlint.net.Ipv4;
import dev.natlint.rule.Analysis;
import dev.natlint.policy.Guard;
import dev.natlint.policy.PolicyRule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A forward written for a public address the router does not have, typically the address the
 * provider assigned before: internet clients' packets for it never reach the router.
 */
@RulePattern(id = DstnatForeignAddressRule.ID, severity = Severity.ERROR,
        summary = "The forward's public address is not an address of this router",
        description = "The dst-nat rule matches a dst-address (or address list) that is none of the router's addresses, so the"
                + " internet never delivers those packets to the router and the forward is dead from the internet."
                + " This is typical after the provider changed the WAN address.")
public final class DstnatForeignAddressRule extends BaseRule {

    public static final String ID = "dstnat-foreign-address";

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Analysis topo = ctx.analysis();
        for (ForwardFlows ff : ctx.flows()) {
            List<Flow> dead = admittedInternetFlows(ctx, ff).stream().filter(f -> f.verdict() == Verdict.NOT_DELIVERED)
                    .toList();
            if (dead.isEmpty()) {
                continue;
            }
            FirewallRule r = ff.forward().rule();
            List<String> own = new ArrayList<>();
            List<IpAddress> statics = new ArrayList<>();
            for (String wan : topo.wanInterfaces()) {
                topo.addressesOn(wan).forEach(a -> {
                    own.add(Ipv4.format(a.address()));
                    statics.add(a);
                });
                if (topo.dynamicAddressInterfaces().contains(wan)) {
                    own.add("the dynamic address of " + wan);
                }
            }
            PolicyRule typed = ctx.policy().of(r);
            String written = typed.address(Guard.Side.DST).map(Guard::quoted)
                    .orElseGet(() -> "dst-address-list=" + typed.addressList(Guard.Side.DST).map(Guard::written).orElse("?"));
            String msg = "internet clients never reach this forward: " + written + " is not an address of this router"
                    + " (its public address" + (own.size() == 1 ? " is " : "es are ") + (own.isEmpty() ? "unknown"
                    : String.join(", ", own)) + "), which looks like a stale WAN address; the internet does not deliver"
                    + " packets for it here.";
            out.add(finding(r.location(), msg, fix(ctx, r, statics, own.size()), dead));
        }
        return out;
    }

    /** The current address when the router has exactly one public one, else {@code dst-address-type=local}. */
    private static Fix fix(RuleContext ctx, FirewallRule r, List<IpAddress> statics, int publicCount) {
        Optional<String> select = Selectors.of(ctx, r);
        if (select.isEmpty() || ctx.policy().of(r).address(Guard.Side.DST).isEmpty()) {
            return null;
        }
        if (statics.size() == 1 && publicCount == 1) {
            String now = Ipv4.format(statics.get(0).address());
            return FixPlanner.complete(ctx, "match the router's current public address " + now,
                    "/ip firewall nat set " + select.get() + " dst-address=" + now);
        }
        List<IpAddress> lan = ctx.analysis().lanInterfaces().stream()
                .flatMap(i -> ctx.analysis().addressesOn(i).stream()).toList();
        if (lan.size() != 1) {
            return null;
        }
        // the router's own LAN address stays out, so the forward does not take the router's services from the LAN
        return FixPlanner.complete(ctx, "match whatever public address the router has (dst-address-type=local),"
                + " except its LAN address", "/ip firewall nat set " + select.get() + " dst-address=!"
                + Ipv4.format(lan.get(0).address()) + " dst-address-type=local");
    }
}
