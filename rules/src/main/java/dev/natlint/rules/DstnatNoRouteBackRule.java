package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Flow;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Verdict;
import dev.natlint.model.DhcpClient;
import dev.natlint.model.Interface;
import dev.natlint.model.InterfaceType;
import dev.natlint.model.Quoting;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A forward whose internet clients never get an answer because the router has no route back to them:
 * the main table has no default route (a DHCP or PPPoE uplink told not to add one, a static route
 * forgotten), so the server's reply is dropped at the router. Clients on the uplink's own subnet still
 * work, which is why the forward can look fine from next door.
 */
@RulePattern(id = DstnatNoRouteBackRule.ID, severity = Severity.ERROR,
        summary = "The router has no route back to the forward's internet clients",
        description = "The main table has no default route, so the router cannot send the server's reply to an internet"
                + " client outside the subnets it has routes for: it drops the reply and the connection never opens.")
public final class DstnatNoRouteBackRule extends BaseRule {

    public static final String ID = "dstnat-no-route-back";

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ForwardFlows ff : ctx.flows()) {
            List<Flow> lost = flows(ff, Verdict.NO_ROUTE_BACK, true);
            if (lost.isEmpty()) {
                continue;
            }
            String msg = "internet clients never get a reply: the router has no route back to them (the main table has no"
                    + " default route), so it drops the server's replies (" + Describe.client(lost.get(0), ctx.analysis())
                    + ").";
            Fix fix = fix(ctx);
            if (fix == null) {
                msg += " Add a default route via the provider's gateway (/ip route add gateway=<provider gateway>);"
                        + " the script does not say which address that is, so natlint offers no fix.";
            }
            out.add(finding(ff.forward().rule().location(), msg, fix, lost));
        }
        return out;
    }

    /**
     * A default route changes only where replies to internet clients go, never which LAN client reaches which
     * server, so the fix needs no hairpin check ({@code affected} is empty).
     *
     * <p>An uplink that gets its address at run time but was told not to install the default route that comes
     * with it: let it. A static uplink needs the provider's gateway, which the script does not state.
     */
    private static Fix fix(RuleContext ctx) {
        List<String> wans = ctx.analysis().wanInterfaces();
        Optional<DhcpClient> dhcp = ctx.config().dhcpClients().stream()
                .filter(d -> !d.disabled() && !d.addDefaultRoute() && wans.contains(d.iface())).findFirst();
        if (dhcp.isPresent()) {
            return FixPlanner.complete(ctx, "let the DHCP client on " + dhcp.get().iface()
                    + " install the default route its server offers", "/ip dhcp-client set [find where interface="
                    + Quoting.quote(dhcp.get().iface()) + "] add-default-route=yes", Set.of(), null);
        }
        Optional<Interface> pppoe = ctx.config().interfaces().stream().filter(i -> i.type() == InterfaceType.PPPOE_CLIENT
                && !i.disabled() && wans.contains(i.name())).findFirst();
        if (pppoe.isPresent()) {
            return FixPlanner.complete(ctx, "let the PPPoE client " + pppoe.get().name() + " install a default route",
                    "/interface pppoe-client set [find where name=" + Quoting.quote(pppoe.get().name())
                            + "] add-default-route=yes", Set.of(), null);
        }
        return null;
    }
}
