package dev.natlint.policy;

import dev.natlint.diag.Location;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Table;
import java.util.List;
import java.util.Optional;

/**
 * A firewall rule in typed form: its matchers as {@link Guard}s in written order, its {@link Action}
 * with arguments. {@code source} is the rule as written, for fix writers that must quote or select it;
 * no decision reads its property strings.
 */
public record PolicyRule(Table table, String chain, int position, List<Guard> guards, Action action,
                         boolean disabled, String comment, Location location, FirewallRule source) {

    public PolicyRule {
        guards = List.copyOf(guards);
    }

    public int line() {
        return location.line();
    }

    /** The first guard of a kind that {@code which} accepts. */
    public <G extends Guard> Optional<G> guard(Class<G> kind, java.util.function.Predicate<G> which) {
        for (Guard g : guards) {
            if (kind.isInstance(g) && which.test(kind.cast(g))) {
                return Optional.of(kind.cast(g));
            }
        }
        return Optional.empty();
    }

    /** The first guard of a kind. */
    public <G extends Guard> Optional<G> guard(Class<G> kind) {
        return guard(kind, g -> true);
    }

    public Optional<Guard.Address> address(Guard.Side side) {
        return guard(Guard.Address.class, g -> g.side() == side);
    }

    public Optional<Guard.AddressList> addressList(Guard.Side side) {
        return guard(Guard.AddressList.class, g -> g.side() == side);
    }

    public Optional<Guard.Protocol> protocol() {
        return guard(Guard.Protocol.class);
    }

    public Optional<Guard.Ports> ports(Guard.PortSide side) {
        return guard(Guard.Ports.class, g -> g.side() == side);
    }

    /** The guard written with property {@code name}, for messages that quote a property natlint named itself. */
    public Optional<Guard> guardNamed(String name) {
        return guards.stream().filter(g -> g.property().equals(name)).findFirst();
    }

    /** The NAT target of a dst-nat, src-nat, masquerade, netmap, redirect or same rule. */
    public Optional<Action.NatTarget> natTarget() {
        return Optional.ofNullable(PolicyReader.natTarget(action));
    }
}
