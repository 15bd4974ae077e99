package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;
import dev.natlint.flow.Flow;
import dev.natlint.flow.Forward;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Source;
import dev.natlint.flow.packet.Field;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.flow.Stage;
import dev.natlint.flow.Verdict;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.IpAddress;
import dev.natlint.net.Ipv4;
import dev.natlint.rule.Analysis;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.PolicyRule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The forward is keyed on where the packet comes from (in-interface=WAN, a source address) instead of
 * where it goes, so LAN clients using the public address are never translated and hit the router.
 */
@RulePattern(id = DstnatUnreachableFromLanRule.ID, severity = Severity.ERROR,
        summary = "The forward does not match LAN clients that use the public address",
        description = "The dst-nat rule is restricted to traffic arriving from the internet (in-interface, in-interface-list"
                + " or a source address), so a LAN client that connects to the public address is not translated:"
                + " its packet goes to the router itself (its web page, or a refused connection).")
public final class DstnatUnreachableFromLanRule extends BaseRule {

    public static final String ID = "dstnat-unreachable-from-lan";

    /** Matchers that tie a forward to the WAN side and can be dropped once it matches the public address. */
    private static boolean limiting(Guard g) {
        return g instanceof Guard.Interface i && i.direction() == Guard.Direction.IN
                || g instanceof Guard.InterfaceList l && l.direction() == Guard.Direction.IN || source(g);
    }

    /** Source restrictions: who may use the forward. A fix never removes one. */
    private static boolean source(Guard g) {
        return g instanceof Guard.Address a && a.side() == Guard.Side.SRC
                || g instanceof Guard.AddressList l && l.side() == Guard.Side.SRC
                || g instanceof Guard.AddressType t && t.side() == Guard.Side.SRC;
    }

    /**
     * Whether the forward's matcher {@code property} alone keeps out part of the internet (an
     * {@code in-interface} naming one of two uplinks): then it is a deliberate limit, unlike
     * {@code in-interface-list=WAN}, which admits every internet client.
     */
    private static boolean excludesInternet(RuleContext ctx, Guard guard) {
        Analysis an = ctx.analysis();
        PacketSet admitted = an.newConnections(List.of(guard), Stage.DSTNAT).packets();
        for (Source s : an.sources()) {
            if (s.internet()) {
                PacketBox from = an.arrivingOn(s.iface()).with(Field.SRC_ADDRESS, s.addresses());
                if (!PacketSet.of(from).subtract(admitted).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Analysis space = ctx.analysis();
        for (ForwardFlows ff : ctx.flows()) {
            Flow broken = ff.flows().stream()
                    .filter(f -> f.verdict() == Verdict.NO_DST_NAT && !f.source().internet()).findFirst().orElse(null);
            if (broken == null) {
                continue;
            }
            Forward fw = ff.forward();
            FirewallRule r = fw.rule();
            PolicyRule typed = ctx.policy().of(r);
            List<Guard> failing = ctx.analysis().failingGuards(r, Stage.DSTNAT, broken.example());
            List<Guard> unset = failing.stream().filter(DstnatUnreachableFromLanRule::limiting).toList();
            String requires = String.join(", ", failing.stream().map(Guard::quoted).toList());
            String msg = Describe.client(broken, space) + " never reaches "
                    + typed.natTarget().flatMap(Action.NatTarget::addressesWritten).orElse("the server")
                    + ": the forward requires " + (requires.isEmpty() ? "something LAN traffic lacks" : requires)
                    + ", so the packet is not translated and goes to the router itself.";
            List<Guard> deliberate = unset.stream().filter(g -> source(g) || excludesInternet(ctx, g)).toList();
            if (!deliberate.isEmpty()) {
                // the author limited who may use the forward, and the limit keeps out (part of) the internet
                // too: a fix must not widen it, so this is only worth knowing
                String limit = String.join(", ", deliberate.stream().map(Guard::quoted).toList());
                boolean byInterface = deliberate.stream().noneMatch(DstnatUnreachableFromLanRule::source);
                out.add(finding(r.location(), msg + " The forward is deliberately limited (" + limit + ", which also"
                        + " keeps out " + (byInterface ? "internet clients arriving on other uplinks" : "other internet clients")
                        + "); natlint does not widen it. If LAN clients should use it, admit them in that restriction"
                        + " (or add a separate forward for them).", null,
                        flows(ff, Verdict.NO_DST_NAT, false)).withSeverity(Severity.INFO));
                continue;
            }
            // when none of the forward's own matchers keeps LAN clients out, the limit is elsewhere (the jump
            // into its chain, an earlier rule): changing this rule would not help, so no fix is offered
            String snippet = unset.isEmpty() ? null : rewrite(ctx, fw, typed, unset.stream().map(Guard::property).toList());
            if (unset.isEmpty()) {
                msg += " The limit is not in this rule's own matchers (look at the jump into chain " + r.chain()
                        + " or the rules before it); natlint offers no fix.";
            }
            out.add(finding(r.location(), msg, snippet == null ? null : FixPlanner.complete(ctx,
                    "match the public address instead of the incoming interface", snippet),
                    flows(ff, Verdict.NO_DST_NAT, false)));
        }
        return out;
    }

    /** {@code set N !in-interface-list dst-address=<public>} plus what keeps router addresses out. */
    private String rewrite(RuleContext ctx, Forward fw, PolicyRule typed, List<String> unset) {
        FirewallRule r = fw.rule();
        Analysis topo = ctx.analysis();
        StringBuilder set = new StringBuilder();
        unset.forEach(k -> set.append(" !").append(k));
        StringBuilder before = new StringBuilder();
        boolean hasDst = typed.address(Guard.Side.DST).isPresent() || typed.addressList(Guard.Side.DST).isPresent();
        if (!hasDst) {
            long pub = fw.publicAddresses().min();
            if (pub <= 0xFFFFFFFFL && fw.publicAddresses().size() == 1) {
                set.append(" dst-address=").append(Ipv4.format(pub));
            } else {
                // a dynamic address: match any router address except the LAN gateways
                List<IpAddress> lanGateways = topo.lanInterfaces().stream().flatMap(i -> topo.addressesOn(i).stream()).toList();
                if (typed.guard(Guard.AddressType.class, g -> g.side() == Guard.Side.DST).isEmpty()) {
                    set.append(" dst-address-type=local");
                }
                if (lanGateways.size() == 1) {
                    set.append(" dst-address=!").append(Ipv4.format(lanGateways.get(0).address()));
                } else if (!lanGateways.isEmpty()) {
                    for (IpAddress a : lanGateways) {
                        before.append("/ip firewall address-list add list=natlint-lan-gateways address=")
                                .append(Ipv4.format(a.address())).append(" comment=")
                                .append(dev.natlint.model.Quoting.quote("natlint: the router's own " + a.iface() + " address"))
                                .append('\n');
                    }
                    set.append(" dst-address-list=!natlint-lan-gateways");
                }
            }
        }
        if (unset.isEmpty() && hasDst) {
            return null;
        }
        return before + Selectors.command(ctx, r, "set", set.toString().trim());
    }
}
