package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Flow;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * LAN clients on the server's own subnet use the public address: the router rewrites the destination,
 * the server answers the client directly, and the client drops a reply from the wrong address.
 */
@RulePattern(id = HairpinMissingMasqueradeRule.ID, severity = Severity.ERROR,
        summary = "LAN clients on the server's subnet cannot use the public address (no hairpin NAT)",
        description = "A port forward works from the internet but not for LAN clients on the server's own subnet that use"
                + " the public address: the server answers them directly, bypassing the router, and the clients"
                + " drop replies that come from the server's private address.")
public final class HairpinMissingMasqueradeRule extends BaseRule {

    public static final String ID = "hairpin-missing-masquerade";

    @Override
    public List<Finding> check(RuleContext ctx) {
        // forwards needing a hairpin, per client subnet, to offer the broad rule where it saves rules
        Map<String, List<Flow>> bySubnet = new TreeMap<>();
        Map<Flow, String> subnetOf = new LinkedHashMap<>();
        for (ForwardFlows ff : ctx.flows()) {
            // a server behind a LAN router is hairpin-via-lan-router's
            Hairpin.bypassingPerSubnet(ctx, ff, false).forEach((subnet, f) -> {
                bySubnet.computeIfAbsent(subnet, k -> new ArrayList<>()).add(f);
                subnetOf.put(f, subnet);
            });
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Flow, String> e : subnetOf.entrySet()) {
            Flow f = e.getKey();
            String subnet = e.getValue();
            Optional<HairpinRepair.Repair> repair = HairpinRepair.of(ctx, f);
            if (repair.isPresent()) {
                HairpinRepair.Repair r = repair.get();
                String msg = Describe.client(f, ctx.analysis()) + ": the server answers "
                        + ctx.analysis().describe(f.example().srcAddress()) + " directly from "
                        + Describe.targetAddress(f) + " and the client drops it: " + r.cause() + ".";
                out.add(finding(f.forward().rule().location(), msg, new Fix(r.description(), r.snippet()), List.of(f)));
                continue;
            }
            String snippet = Hairpin.specific(ctx, f);
            if (snippet == null) {
                continue;
            }
            List<Flow> same = bySubnet.get(subnet);
            Optional<String> iface = Hairpin.serverInterface(ctx, f.forward());
            if (same.size() > 1 && same.get(0) == f && iface.isPresent()) {
                snippet += "\n# or, once for all " + same.size() + " forwards to " + subnet + ", instead of one rule per forward:\n# "
                        + Hairpin.broad(subnet, iface.get());
            }
            String client = ctx.analysis().describe(f.example().srcAddress());
            String server = Describe.targetAddress(f);
            String msg = Describe.client(f, ctx.analysis()) + ": the server answers " + client + " directly from "
                    + server + " and the client drops it (no hairpin masquerade for " + subnet + "). With the fix the"
                    + " server sees the router's address for LAN clients; split DNS (/ip dns static name=<service>"
                    + " address=" + server + ") is the alternative that keeps client addresses.";
            // an added srcnat masquerade can only stop replies from bypassing the router, never expose a new
            // problem, so this fix needs no re-analysis (which would cost a full analysis per finding)
            out.add(finding(f.forward().rule().location(), msg, new Fix(
                    "masquerade LAN clients of " + subnet + " that reach " + server + " through the public address",
                    snippet), List.of(f)));
        }
        return out;
    }
}
