package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Forward;
import dev.natlint.flow.Stage;
import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.IpAddress;
import dev.natlint.model.IpService;
import dev.natlint.model.Quoting;
import dev.natlint.model.FirewallRule;
import dev.natlint.net.Ipv4;
import dev.natlint.rule.Analysis;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.PolicyRule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A forward that matches the router's own LAN addresses (typically {@code dst-address-type=local} with
 * no exception) takes the port of a router service away from LAN users.
 */
@RulePattern(id = DstnatCapturesRouterServiceRule.ID, severity = Severity.WARNING,
        summary = "A forward takes a router service's port on the router's own LAN address",
        description = "The dst-nat rule also matches connections to the router's LAN address (dst-address-type=local matches"
                + " every router address), so LAN users who open the router's web page, SSH, Winbox or API on that"
                + " port reach the forwarded server instead.")
public final class DstnatCapturesRouterServiceRule extends BaseRule {

    public static final String ID = "dstnat-captures-router-service";

    @Override
    public List<Finding> check(RuleContext ctx) {
        Analysis an = ctx.analysis();
        List<IpAddress> gateways = an.lanInterfaces().stream().flatMap(i -> an.addressesOn(i).stream()).toList();
        List<Finding> out = new ArrayList<>();
        if (gateways.isEmpty()) {
            return out;
        }
        // a LAN host that is not the router, per gateway: the client of the probe
        List<Long> clients = new ArrayList<>();
        for (IpAddress gw : gateways) {
            IntervalSet hosts = IntervalSet.of(gw.network(), gw.broadcast()).subtract(an.routerAddresses());
            clients.add(hosts.isEmpty() ? null : hosts.min());
        }
        List<IpService> services = ctx.config().services().stream().filter(s -> !s.disabled() && s.port() > 0).toList();
        for (Forward fw : an.forwards()) {
            PacketSet matched = an.newConnections(fw.rule(), Stage.DSTNAT).packets();
            // cheap tests first: most forwards match neither TCP nor a service port nor a LAN address
            if (!matched.project(Field.PROTOCOL).contains(6)) {
                continue;
            }
            IntervalSet ports = matched.project(Field.DST_PORT);
            IntervalSet addresses = matched.project(Field.DST_ADDRESS);
            Set<String> taken = new LinkedHashSet<>();
            IpAddress hit = null;
            for (IpService s : services) {
                if (!ports.contains(s.port())) {
                    continue;
                }
                for (int g = 0; g < gateways.size(); g++) {
                    IpAddress gw = gateways.get(g);
                    if (clients.get(g) != null && addresses.contains(gw.address())
                            && captures(an, fw, matched, gw, clients.get(g), s.port())) {
                        taken.add(s.name() + " (tcp/" + s.port() + ")");
                        hit = hit == null ? gw : hit;
                    }
                }
            }
            if (taken.isEmpty()) {
                continue;
            }
            String msg = "LAN client -> " + Ipv4.format(hit.address()) + " (the router's own " + hit.iface()
                    + " address): the forward at line " + fw.line() + " sends it to " + target(ctx, fw).orElse("?")
                    + ", so LAN users lose the router's " + String.join(", ", taken) + ".";
            Optional<Guard.Address> own = ctx.policy().of(fw.rule()).address(Guard.Side.DST);
            String dst = own.map(Guard::written).orElse("");
            if (!dst.isEmpty() && !own.get().negated()) {
                // the forward names the router's own address itself: it takes those ports on purpose, and
                // keeping the address out would leave the forward matching nothing
                out.add(finding(fw.rule().location(), msg + " The forward names this address itself (dst-address="
                        + dst + "), so this looks deliberate; no fix.", null).withSeverity(Severity.INFO));
                continue;
            }
            out.add(finding(fw.rule().location(), msg, fix(ctx, fw, gateways)));
        }
        return out;
    }

    /** Whether the forward, and not an earlier dstnat rule, takes a LAN client's connection to {@code gw:port}. */
    private static boolean captures(Analysis an, Forward fw, PacketSet matched, IpAddress gw, long client, int port) {
        PacketBox box = an.arrivingOn(gw.iface())
                .with(Field.SRC_ADDRESS, IntervalSet.point(client))
                .with(Field.DST_ADDRESS, IntervalSet.point(gw.address()))
                .with(Field.PROTOCOL, IntervalSet.point(6)).with(Field.DST_PORT, IntervalSet.point(port));
        if (matched.intersect(box).isEmpty()) {
            return false;
        }
        for (FirewallRule taker : an.dstnatRulesTaking(PacketSet.of(box))) {
            if (taker == fw.rule()) {
                return true;
            }
        }
        return false;
    }

    /** The forward's to-addresses as written. */
    static Optional<String> target(RuleContext ctx, Forward fw) {
        return ctx.policy().of(fw.rule()).natTarget().flatMap(Action.NatTarget::addressesWritten);
    }

    private dev.natlint.diag.Fix fix(RuleContext ctx, Forward fw, List<IpAddress> gateways) {
        PolicyRule typed = ctx.policy().of(fw.rule());
        if (typed.address(Guard.Side.DST).isEmpty() && gateways.size() == 1) {
            return FixPlanner.complete(ctx, "keep the router's own LAN address out of the forward",
                    Selectors.command(ctx, fw.rule(), "set", "dst-address=!" + Ipv4.format(gateways.get(0).address())));
        }
        if (typed.addressList(Guard.Side.DST).isPresent()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (IpAddress gw : gateways) {
            sb.append("/ip firewall address-list add list=natlint-router-lan address=").append(Ipv4.format(gw.address()))
                    .append(" comment=").append(Quoting.quote("natlint: the router's own " + gw.iface() + " address")).append('\n');
        }
        sb.append(Selectors.command(ctx, fw.rule(), "set", "dst-address-list=!natlint-router-lan"));
        return FixPlanner.complete(ctx, "keep the router's own LAN addresses out of the forward", sb.toString());
    }
}
