package dev.natlint.policy;

import dev.natlint.model.FirewallRule;
import dev.natlint.net.Ipv4;
import dev.natlint.net.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@link FirewallRule}'s property strings into guards and an action: the one place that decides
 * which matchers natlint models. Never throws; text it cannot read becomes a guard whose typed value is
 * empty (it then matches nothing, as RouterOS would refuse it) or an {@link Guard.Unsupported}.
 */
public final class PolicyReader {

    /** Properties that are actions' arguments or bookkeeping, not matchers. */
    private static final Set<String> NOT_MATCHERS = Set.of("to-addresses", "to-ports", "jump-target", "log",
            "log-prefix", "address-list", "address-list-timeout", "reject-with", "passthrough", "same-not-by-dst",
            "hw-offload", "new-connection-mark", "new-packet-mark", "new-routing-mark", "new-dscp", "new-mss",
            "new-priority", "new-ttl", "routing-table", "place-before");

    private PolicyReader() {
    }

    public static PolicyRule read(FirewallRule r) {
        List<Guard> guards = new ArrayList<>();
        int line = r.location() == null ? 0 : r.location().line();
        for (Map.Entry<String, String> e : r.properties().entrySet()) {
            if (!NOT_MATCHERS.contains(e.getKey())) {
                guards.add(guard(e.getKey(), e.getValue(), line));
            }
        }
        return new PolicyRule(r.table(), r.chain(), r.position(), guards, action(r), r.disabled(), r.comment(),
                r.location(), r);
    }

    /** One matcher as a guard; {@code line} locates an {@link Guard.Unsupported}. */
    public static Guard guard(String name, String written, int line) {
        boolean negated = written.startsWith("!");
        String value = negated ? written.substring(1) : written;
        return switch (name) {
            case "src-address" -> new Guard.Address(name, written, Guard.Side.SRC, negated, value,
                    Ipv4.parseAddressSpec(value));
            case "dst-address" -> new Guard.Address(name, written, Guard.Side.DST, negated, value,
                    Ipv4.parseAddressSpec(value));
            case "src-address-list" -> new Guard.AddressList(name, written, Guard.Side.SRC, negated, value);
            case "dst-address-list" -> new Guard.AddressList(name, written, Guard.Side.DST, negated, value);
            case "src-address-type" -> new Guard.AddressType(name, written, Guard.Side.SRC, negated, split(value));
            case "dst-address-type" -> new Guard.AddressType(name, written, Guard.Side.DST, negated, split(value));
            case "protocol" -> new Guard.Protocol(name, written, negated, Protocols.number(value));
            case "src-port" -> new Guard.Ports(name, written, Guard.PortSide.SRC, negated, Ports.parse(value));
            case "dst-port" -> new Guard.Ports(name, written, Guard.PortSide.DST, negated, Ports.parse(value));
            case "port" -> new Guard.Ports(name, written, Guard.PortSide.EITHER, negated, Ports.parse(value));
            case "in-interface" -> new Guard.Interface(name, written, Guard.Direction.IN, negated, value);
            case "out-interface" -> new Guard.Interface(name, written, Guard.Direction.OUT, negated, value);
            case "in-interface-list" -> new Guard.InterfaceList(name, written, Guard.Direction.IN, negated, value);
            case "out-interface-list" -> new Guard.InterfaceList(name, written, Guard.Direction.OUT, negated, value);
            case "connection-state" -> new Guard.ConnectionState(name, written, negated, split(value));
            case "connection-nat-state" -> new Guard.ConnectionNatState(name, written, negated, split(value));
            case "connection-mark" -> new Guard.Mark(name, written, Guard.MarkKind.CONNECTION, negated, value);
            case "packet-mark" -> new Guard.Mark(name, written, Guard.MarkKind.PACKET, negated, value);
            case "routing-mark" -> new Guard.Mark(name, written, Guard.MarkKind.ROUTING, negated, value);
            case "tcp-flags" -> new Guard.TcpFlags(name, written, negated, split(value));
            case "ipsec-policy" -> {
                int comma = value.indexOf(',');
                yield new Guard.IpsecPolicy(name, written, negated, comma < 0 ? value : value.substring(0, comma),
                        value.endsWith(",ipsec"));
            }
            case "connection-type" -> new Guard.ConnectionType(name, written, negated, value);
            default -> new Guard.Unsupported(name, written, "not analysed", line);
        };
    }

    /** The action with its arguments. */
    public static Action action(FirewallRule r) {
        String a = r.action();
        return switch (a) {
            case "accept" -> new Action.Accept();
            case "drop" -> new Action.Drop();
            case "reject" -> new Action.Reject();
            case "tarpit" -> new Action.Tarpit();
            case "fasttrack-connection" -> new Action.FasttrackConnection();
            case "jump" -> new Action.Jump(r.get("jump-target"));
            case "return" -> new Action.Return();
            case "passthrough" -> new Action.Passthrough();
            case "log" -> new Action.Log();
            case "add-src-to-address-list" -> new Action.AddToAddressList(a, Guard.Side.SRC, r.get("address-list"));
            case "add-dst-to-address-list" -> new Action.AddToAddressList(a, Guard.Side.DST, r.get("address-list"));
            case "dst-nat" -> new Action.DstNat(natTarget(r));
            case "src-nat" -> new Action.SrcNat(natTarget(r));
            case "masquerade" -> new Action.Masquerade(natTarget(r));
            case "netmap" -> new Action.Netmap(natTarget(r));
            case "redirect" -> new Action.Redirect(natTarget(r));
            case "same" -> new Action.Same(natTarget(r));
            case "mark-connection" -> mark(r, Guard.MarkKind.CONNECTION, "new-connection-mark");
            case "mark-packet" -> mark(r, Guard.MarkKind.PACKET, "new-packet-mark");
            case "mark-routing" -> mark(r, Guard.MarkKind.ROUTING, "new-routing-mark");
            case "change-dscp", "change-mss", "change-ttl", "set-priority", "strip-ipv4-options" -> new Action.Change(a);
            case "sniff-tzsp", "sniff-pc" -> new Action.Sniff(a);
            default -> new Action.Other(a);
        };
    }

    private static Action.SetMark mark(FirewallRule r, Guard.MarkKind kind, String property) {
        return new Action.SetMark(r.action(), kind, r.get(property), !r.get("passthrough").orElse("yes").equals("no"));
    }

    private static Action.NatTarget natTarget(FirewallRule r) {
        Optional<String> to = r.get("to-addresses");
        Optional<String> ports = r.get("to-ports");
        return new Action.NatTarget(to, to.flatMap(Ipv4::parseAddressSpec), ports, ports.flatMap(Ports::parse));
    }

    /** The target of a NAT action, null for any other action. */
    static Action.NatTarget natTarget(Action a) {
        return a instanceof Action.Nat n ? n.to() : null;
    }

    private static List<String> split(String value) {
        return List.of(value.split(","));
    }
}
