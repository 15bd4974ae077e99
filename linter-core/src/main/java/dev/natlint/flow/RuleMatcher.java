package dev.natlint.flow;

import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.FirewallRule;
import dev.natlint.net.Ports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The exact set of first packets a firewall rule matches at a stage. Stateful matchers are decided from
 * what is known of a new connection at that point (state {@code new}, NAT state so far); matchers the
 * analysis does not model are reported as assumptions instead of being guessed silently.
 */
public final class RuleMatcher {

    /**
     * What a rule matches, and what natlint had to assume to say so. {@code maybe} holds packets outside
     * {@code packets} that the rule may match too, depending on what natlint cannot know (the addresses a
     * DNS name in an address list resolves to): they are not taken, but whatever happens to them rests on
     * the assumptions. {@code hull} bounds both field by field, so that a chain can skip a rule its packets
     * cannot meet without set algebra.
     */
    public record Match(PacketSet packets, List<String> assumptions, PacketBox hull, PacketSet maybe) {
        public Match(PacketSet packets, List<String> assumptions) {
            this(packets, assumptions, packets.hull(), PacketSet.empty(packets.universe()));
        }

        public Match(PacketSet packets, List<String> assumptions, PacketSet maybe) {
            this(packets, assumptions, maybe.isEmpty() ? packets.hull() : packets.union(maybe).hull(), maybe);
        }
    }

    /**
     * What is known about the connection when the rule runs. {@code reply} is true for the server's
     * reply, which the filter sees as an established connection.
     */
    public record ConnState(boolean dstnatted, boolean srcnatted, boolean reply) {
        public ConnState(boolean dstnatted, boolean srcnatted) {
            this(dstnatted, srcnatted, false);
        }
    }

    static final Map<String, Integer> PROTOCOLS = Map.ofEntries(
            Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ggp", 3), Map.entry("ip-encap", 4),
            Map.entry("st", 5), Map.entry("tcp", 6), Map.entry("egp", 8), Map.entry("pup", 12), Map.entry("udp", 17),
            Map.entry("hmp", 20), Map.entry("xns-idp", 22), Map.entry("rdp", 27), Map.entry("iso-tp4", 29),
            Map.entry("dccp", 33), Map.entry("xtp", 36), Map.entry("ddp", 37), Map.entry("idpr-cmtp", 38),
            Map.entry("ipv6-encap", 41), Map.entry("ipv6-route", 43), Map.entry("ipv6-frag", 44),
            Map.entry("idrp", 45), Map.entry("rsvp", 46), Map.entry("gre", 47), Map.entry("ipsec-esp", 50),
            Map.entry("ipsec-ah", 51), Map.entry("icmpv6", 58), Map.entry("ipv6-nonxt", 59),
            Map.entry("ipv6-opts", 60), Map.entry("rspf", 73), Map.entry("vmtp", 81), Map.entry("ospf", 89),
            Map.entry("ipip", 94), Map.entry("etherip", 97), Map.entry("encap", 98), Map.entry("pim", 103),
            Map.entry("vrrp", 112), Map.entry("l2tp", 115), Map.entry("sctp", 132), Map.entry("udp-lite", 136));

    /** Properties that are actions' arguments or bookkeeping, not matchers. */
    private static final Set<String> NOT_MATCHERS = Set.of("to-addresses", "to-ports", "jump-target", "log",
            "log-prefix", "address-list", "address-list-timeout", "reject-with", "passthrough", "same-not-by-dst",
            "hw-offload", "new-connection-mark", "new-packet-mark", "new-routing-mark", "new-dscp", "new-mss",
            "new-priority", "new-ttl", "routing-table", "place-before");

    private final AddressSpace space;
    private java.util.Set<String> marksSet;
    /** Per rule (by identity: hashing a rule's record is costly), the match for each stage and state. */
    private final Map<FirewallRule, Map<Object, Match>> cache = new java.util.IdentityHashMap<>();

    public RuleMatcher(AddressSpace space) {
        this.space = space;
    }

    public AddressSpace space() {
        return space;
    }

    /** {@code connection-mark=x} and the like for every mark an enabled mangle rule sets; computed once. */
    private java.util.Set<String> marksSet() {
        if (marksSet == null) {
            java.util.Set<String> out = new java.util.HashSet<>();
            for (FirewallRule m : space.config().rules(dev.natlint.model.Table.MANGLE)) {
                if (!m.disabled()) {
                    m.get("new-connection-mark").ifPresent(x -> out.add("connection-mark=" + x));
                    m.get("new-packet-mark").ifPresent(x -> out.add("packet-mark=" + x));
                    m.get("new-routing-mark").ifPresent(x -> out.add("routing-mark=" + x));
                }
            }
            marksSet = out;
        }
        return marksSet;
    }

    public Match match(FirewallRule rule, Stage stage, ConnState state) {
        return cache.computeIfAbsent(rule, r -> new HashMap<>())
                .computeIfAbsent(List.of(stage, state), k -> compute(rule, stage, state));
    }

    private Match compute(FirewallRule rule, Stage stage, ConnState state) {
        List<String> assumptions = new ArrayList<>();
        PacketBox box = PacketBox.all(space.universe());
        PacketSet extra = null; // the port= matcher is a union of two boxes
        // address lists with DNS names: the field and the list's static members, applied after the loop
        Map<Field, IntervalSet> named = new java.util.EnumMap<>(Field.class);
        for (Map.Entry<String, String> e : rule.properties().entrySet()) {
            String name = e.getKey();
            String written = e.getValue();
            if (NOT_MATCHERS.contains(name)) {
                continue;
            }
            boolean negated = written.startsWith("!");
            String value = negated ? written.substring(1) : written;
            Optional<IntervalSet> set;
            switch (name) {
                case "src-address" -> box = box.with(Field.SRC_ADDRESS, address(value, negated));
                case "dst-address" -> box = box.with(Field.DST_ADDRESS, address(value, negated));
                case "src-address-list", "dst-address-list" -> {
                    Field f = name.startsWith("src") ? Field.SRC_ADDRESS : Field.DST_ADDRESS;
                    IntervalSet members = list(value, negated, assumptions);
                    if (!negated && space.addressListHasNames(value)) {
                        named.merge(f, members, IntervalSet::intersect);
                    } else {
                        box = box.with(f, members);
                    }
                }
                case "src-address-type" -> box = box.with(Field.SRC_ADDRESS, addressType(value, negated));
                case "dst-address-type" -> box = box.with(Field.DST_ADDRESS, addressType(value, negated));
                case "protocol" -> box = box.with(Field.PROTOCOL, protocol(value, negated));
                case "src-port" -> box = box.with(Field.SRC_PORT, ports(value, negated));
                case "dst-port" -> box = box.with(Field.DST_PORT, ports(value, negated));
                case "port" -> {
                    IntervalSet p = ports(value, false);
                    if (negated) {
                        IntervalSet not = p.complement(0, 65535);
                        box = box.with(Field.SRC_PORT, not).with(Field.DST_PORT, not);
                    } else {
                        PacketSet either = PacketSet.of(PacketBox.all(space.universe()).with(Field.SRC_PORT, p))
                                .union(PacketSet.of(PacketBox.all(space.universe()).with(Field.DST_PORT, p)));
                        extra = extra == null ? either : extra.intersect(either);
                    }
                }
                case "in-interface" -> box = box.with(Field.IN_INTERFACE, negate(space.iface(value), negated,
                        space.allInterfaces()));
                case "in-interface-list" -> box = box.with(Field.IN_INTERFACE, negate(space.ifaceList(value), negated,
                        space.allInterfaces()));
                case "out-interface", "out-interface-list" -> {
                    if (stage == Stage.DSTNAT) {
                        // no routing decision exists yet in prerouting: the rule can never match
                        assumptions.add(name + " in chain dstnat can never match (no out-interface before routing)");
                        box = box.with(Field.OUT_INTERFACE, IntervalSet.empty());
                    } else {
                        IntervalSet ifs = name.equals("out-interface") ? space.iface(value) : space.ifaceList(value);
                        box = box.with(Field.OUT_INTERFACE, negate(ifs, negated, space.allInterfaces()));
                    }
                }
                case "connection-state" -> {
                    boolean hasNew = List.of(value.split(",")).contains(state.reply() ? "established" : "new");
                    if (hasNew == negated) {
                        return never(assumptions);
                    }
                }
                case "connection-nat-state" -> {
                    boolean any = false;
                    for (String s : value.split(",")) {
                        any |= (s.equals("dstnat") && state.dstnatted()) || (s.equals("srcnat") && state.srcnatted());
                    }
                    if (any == negated) {
                        return never(assumptions);
                    }
                }
                case "ipsec-policy" -> {
                    // first packets of port forwards are never IPsec-protected
                    if (value.endsWith(",ipsec") != negated) {
                        return never(assumptions);
                    }
                }
                case "connection-mark", "packet-mark", "routing-mark" -> {
                    boolean noMark = value.equals("no-mark");
                    // a mark no mangle rule sets is never on a packet: then "unmarked" is exact
                    if (!noMark && marksSet().contains(name + "=" + value)) {
                        assumptions.add(name + "=" + written + ": mangle marks are not analysed; assumed unmarked");
                    }
                    if (noMark == negated) {
                        return never(assumptions);
                    }
                }
                case "connection-type" -> {
                    // plain connections have no helper type
                    if (!negated) {
                        return never(assumptions);
                    }
                }
                case "tcp-flags" -> {
                    box = box.with(Field.PROTOCOL, IntervalSet.point(6));
                    if (!firstSegmentMatches(value) ^ negated) {
                        return never(assumptions);
                    }
                }
                default -> assumptions.add(name + "=" + written + " is not analysed; assumed to match");
            }
        }
        PacketBox exact = box;
        for (Map.Entry<Field, IntervalSet> e : named.entrySet()) {
            exact = exact.with(e.getKey(), e.getValue());
        }
        PacketSet result = PacketSet.of(exact);
        PacketSet maybe = PacketSet.empty(space.universe());
        for (Map.Entry<Field, IntervalSet> e : named.entrySet()) {
            maybe = maybe.union(PacketSet.of(box.with(e.getKey(), space.allAddresses().subtract(e.getValue()))));
        }
        if (extra != null) {
            result = result.intersect(extra);
            maybe = maybe.intersect(extra);
        }
        return new Match(result, List.copyOf(assumptions), maybe);
    }

    /** The properties of {@code rule} that packet {@code p} fails, each checked on its own. */
    public List<String> failingProperties(FirewallRule rule, Stage stage, ConnState state, dev.natlint.flow.packet.Packet p) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : rule.properties().entrySet()) {
            FirewallRule single = new FirewallRule(rule.table(), rule.position(), rule.chain(), "accept",
                    Map.of(e.getKey(), e.getValue()), false, null, rule.location());
            if (!match(single, stage, state).packets().contains(p)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private Match never(List<String> assumptions) {
        return new Match(PacketSet.empty(space.universe()), List.copyOf(assumptions));
    }

    private IntervalSet address(String value, boolean negated) {
        Optional<IntervalSet> spec = space.spec(value);
        if (spec.isEmpty()) {
            // unparsable (a variable, a typo): RouterOS would not accept the rule, so it matches nothing
            return IntervalSet.empty();
        }
        return space.withSymbolic(spec.get(), negated);
    }

    private IntervalSet list(String name, boolean negated, List<String> assumptions) {
        IntervalSet members = space.addressList(name);
        if (space.addressListHasNames(name)) {
            assumptions.add("address list " + name + " has DNS names; their addresses are unknown");
        }
        return negated ? members.complement(0, space.allAddresses().max()) : members;
    }

    private IntervalSet addressType(String value, boolean negated) {
        IntervalSet s = IntervalSet.empty();
        for (String t : value.split(",")) {
            s = s.union(switch (t) {
                case "local" -> space.local();
                case "broadcast" -> space.broadcast();
                case "multicast" -> space.multicast();
                case "unicast" -> space.allAddresses().subtract(space.broadcast()).subtract(space.multicast());
                default -> IntervalSet.empty();
            });
        }
        return negated ? space.allAddresses().subtract(s) : s;
    }

    static Optional<Integer> protocolNumber(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.matches("\\d{1,3}") && Integer.parseInt(v) <= 255) {
            return Optional.of(Integer.parseInt(v));
        }
        return Optional.ofNullable(PROTOCOLS.get(v));
    }

    private static IntervalSet protocol(String value, boolean negated) {
        IntervalSet p = protocolNumber(value).map(n -> IntervalSet.point(n)).orElse(IntervalSet.empty());
        return negated ? p.complement(0, 255) : p;
    }

    private static IntervalSet ports(String value, boolean negated) {
        IntervalSet p = Ports.parse(value).orElse(IntervalSet.empty());
        return negated ? p.complement(0, 65535) : p;
    }

    private static IntervalSet negate(IntervalSet s, boolean negated, IntervalSet all) {
        return negated ? all.subtract(s) : s;
    }

    /** Whether a TCP connection's first segment (SYN, no ACK/FIN/RST) satisfies a tcp-flags value. */
    private static boolean firstSegmentMatches(String value) {
        for (String flag : value.split(",")) {
            boolean not = flag.startsWith("!");
            String f = not ? flag.substring(1) : flag;
            boolean set = f.equals("syn");
            if (set == not) {
                return false;
            }
        }
        return true;
    }
}
