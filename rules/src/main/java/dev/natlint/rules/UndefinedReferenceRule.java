package dev.natlint.rules;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import dev.natlint.model.ConfigItem;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Interface;
import dev.natlint.model.InterfaceList;
import dev.natlint.model.Quoting;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.Policy;
import dev.natlint.policy.PolicyRule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RulePattern;
import dev.natlint.rule.RuleIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A name that is used but never defined. RouterOS keeps such a rule but it never matches, so a typo
 * like {@code out-interface-list=WAM} silently disables it.
 */
@RulePattern(id = UndefinedReferenceRule.ID, severity = Severity.ERROR,
        summary = "An interface, interface list, address list or chain that is used but not defined",
        description = "A firewall or NAT rule names an interface, interface list, address list or jump target that the script"
                + " never defines. The router accepts the rule but it never matches, so a one-letter typo silently"
                + " turns it off.")
public final class UndefinedReferenceRule extends BaseRule {

    public static final String ID = "undefined-reference";

    /** Legacy names that match interface families rather than one interface. */
    private static final Set<String> SPECIAL_INTERFACES = Set.of("all-ethernet", "all-ppp", "all-vlan", "all-wireless");

    @Override
    public List<Finding> check(RuleContext ctx) {
        RouterConfig c = ctx.config();
        Set<String> interfaces = new TreeSet<>();
        c.interfaces().stream().map(Interface::name).forEach(interfaces::add);
        Set<String> lists = new TreeSet<>();
        c.interfaceLists().stream().map(InterfaceList::name).forEach(lists::add);
        Set<String> addressLists = new TreeSet<>();
        c.addressListEntries().forEach(e -> addressLists.add(e.list()));
        Policy policy = ctx.policy();
        for (Table t : Table.values()) {
            for (PolicyRule r : policy.rules(t)) {
                // lists filled at run time by add-src/dst-to-address-list actions count as defined
                if (r.action() instanceof Action.AddToAddressList add) {
                    add.list().ifPresent(addressLists::add);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Table t : Table.values()) {
            Set<String> chains = new TreeSet<>(Set.of("input", "forward", "output", "prerouting", "postrouting",
                    "srcnat", "dstnat"));
            c.rules(t).forEach(r -> chains.add(r.chain()));
            for (PolicyRule r : policy.rules(t)) {
                check(ctx, t, r, r.guard(Guard.Interface.class, g -> g.direction() == Guard.Direction.IN)
                        .map(g -> new Reference(g.property(), g.written(), g.name(), g.negated())), interfaces, "interface", out);
                check(ctx, t, r, r.guard(Guard.Interface.class, g -> g.direction() == Guard.Direction.OUT)
                        .map(g -> new Reference(g.property(), g.written(), g.name(), g.negated())), interfaces, "interface", out);
                check(ctx, t, r, r.guard(Guard.InterfaceList.class, g -> g.direction() == Guard.Direction.IN)
                        .map(g -> new Reference(g.property(), g.written(), g.list(), g.negated())), lists, "interface list", out);
                check(ctx, t, r, r.guard(Guard.InterfaceList.class, g -> g.direction() == Guard.Direction.OUT)
                        .map(g -> new Reference(g.property(), g.written(), g.list(), g.negated())), lists, "interface list", out);
                check(ctx, t, r, r.addressList(Guard.Side.SRC)
                        .map(g -> new Reference(g.property(), g.written(), g.list(), g.negated())), addressLists, "address list", out);
                check(ctx, t, r, r.addressList(Guard.Side.DST)
                        .map(g -> new Reference(g.property(), g.written(), g.list(), g.negated())), addressLists, "address list", out);
                if (r.action() instanceof Action.Jump jump) {
                    check(ctx, t, r, jump.target().map(x -> new Reference("jump-target", x, x, false)), chains, "chain", out);
                }
            }
        }
        for (ConfigItem m : c.items("/interface list member")) {
            String list = m.get("list").orElse(null);
            if (list != null && !lists.contains(list) && m.location() != null) {
                out.add(finding(m.location(), "interface list " + list + " is not defined, so this member joins nothing.",
                        closest(list, lists).map(n -> FixPlanner.complete(ctx, "use the defined list " + n,
                                "/interface list member set [ find list=" + Quoting.quote(list) + " ] list=" + Quoting.quote(n)))
                                .orElse(FixPlanner.complete(ctx, "define the list", "/interface list add name=" + Quoting.quote(list)
                                + " comment=" + Quoting.quote("natlint: used but not defined")))));
            }
        }
        return out;
    }

    /** A name a rule refers to, with the property and value it was written as. */
    private record Reference(String property, String value, String name, boolean negated) {
    }

    private void check(RuleContext ctx, Table t, PolicyRule typed, Optional<Reference> ref, Set<String> defined,
                       String kind, List<Finding> out) {
        if (ref.isEmpty()) {
            return;
        }
        FirewallRule r = typed.source();
        String property = ref.get().property();
        String value = ref.get().value();
        String name = ref.get().name();
        if (defined.contains(name) || (kind.equals("interface") && SPECIAL_INTERFACES.contains(name))
                || name.startsWith("$")) {
            return;
        }
        Location at = r.location();
        if (name.isEmpty()) {
            // nothing to define (RouterOS refuses "/interface list add name=\"\""), and removing the matcher
            // could open the rule to every interface: no fix. RouterOS does keep an empty value (real exports
            // contain src-address-list=""), but what it then matches is not documented
            out.add(finding(at, property + "=" + value + (value.isEmpty() ? "\"\"" : "") + " is empty: it names no "
                    + kind + ". RouterOS keeps such a value (exports contain it) but does not document what it matches;"
                    + " natlint reads " + (kind.equals("chain") ? "the jump as returning at once"
                            : "this rule as if it" + (value.startsWith("!") ? " had no such restriction" : " never matched"))
                    + " and offers no fix. Write the " + kind + "'s name, or remove the property if the rule should"
                    + " not depend on it.", null));
            return;
        }
        String msg = kind + " " + name + " (" + property + "=" + value + ") is not defined, so this rule"
                + (ref.get().negated() ? " matches as if the restriction were absent." : " never matches.");
        Fix fix = closest(name, defined).map(n -> FixPlanner.complete(ctx, "use the defined " + kind + " " + n,
                        Selectors.command(ctx, r, "set", property + "=" + (ref.get().negated() ? "!" : "")
                                + Quoting.quote(n))))
                .orElse(switch (kind) {
                    case "interface list" -> FixPlanner.complete(ctx, "define the interface list",
                            "/interface list add name=" + Quoting.quote(name) + " comment="
                                    + Quoting.quote("natlint: used but not defined"));
                    case "chain" -> FixPlanner.complete(ctx, "define the chain (it returns at once; add its rules)",
                            t.menu() + " add action=return chain=" + Quoting.quote(name) + " comment="
                                    + Quoting.quote("natlint: chain " + name + " (add its rules)"));
                    default -> null;
                });
        out.add(finding(at, msg, fix));
    }

    /** The defined name within edit distance 2 (case-insensitive), when exactly one is closest. */
    static java.util.Optional<String> closest(String name, Set<String> defined) {
        String best = null;
        int bestDistance = 3;
        boolean tie = false;
        for (String d : defined) {
            int dist = RuleIds.distance(name.toLowerCase(Locale.ROOT), d.toLowerCase(Locale.ROOT));
            if (dist < bestDistance) {
                best = d;
                bestDistance = dist;
                tie = false;
            } else if (dist == bestDistance) {
                tie = true;
            }
        }
        return tie || best == null ? java.util.Optional.empty() : java.util.Optional.of(best);
    }
}
