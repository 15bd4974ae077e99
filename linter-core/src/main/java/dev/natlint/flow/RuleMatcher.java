package dev.natlint.flow;

import dev.natlint.diag.Assumption;
import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.flow.packet.Packet;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Table;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.Policy;
import dev.natlint.policy.PolicyRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

        /** The assumptions as notes of the rule written at {@code line}. */
        public List<Assumption> assumptionsAt(int line) {
            List<Assumption> out = new ArrayList<>(assumptions.size());
            for (String reason : assumptions) {
                out.add(Assumption.assumed(line, reason));
            }
            return out;
        }
    }

    /**
     * What is known about the connection when the rule runs. {@code reply} is true for the server's
     * reply, which the filter sees as an established connection. {@code marks} are the marks mangle set
     * so far, or {@link Marks#UNFOLLOWED} for a rule asked about on its own.
     */
    public record ConnState(boolean dstnatted, boolean srcnatted, boolean reply, Marks marks) {
        public ConnState(boolean dstnatted, boolean srcnatted) {
            this(dstnatted, srcnatted, false, Marks.UNFOLLOWED);
        }

        public ConnState(boolean dstnatted, boolean srcnatted, boolean reply) {
            this(dstnatted, srcnatted, reply, Marks.UNFOLLOWED);
        }

        public ConnState withMarks(Marks m) {
            return m.equals(marks) ? this : new ConnState(dstnatted, srcnatted, reply, m);
        }
    }

    private final AddressSpace space;
    private final Policy policy;
    /** {@code connection-mark=x} and the like for every mark an enabled mangle rule sets. */
    private final Set<String> marksSet;
    /** Per rule (by identity: hashing a rule's record is costly), the match for each stage and state. */
    private final Map<PolicyRule, Map<Object, Match>> cache = new java.util.IdentityHashMap<>();

    public RuleMatcher(AddressSpace space, Policy policy) {
        this.space = space;
        this.policy = policy;
        this.marksSet = marksSet(policy);
    }

    public AddressSpace space() {
        return space;
    }

    public Policy policy() {
        return policy;
    }

    private static Set<String> marksSet(Policy policy) {
        Set<String> out = new java.util.HashSet<>();
        for (PolicyRule m : policy.rules(Table.MANGLE)) {
            if (!m.disabled() && m.action() instanceof Action.SetMark set) {
                set.mark().ifPresent(x -> out.add(set.kind().property() + "=" + x));
            }
        }
        return Set.copyOf(out);
    }

    /** The match of a rule of the analysed configuration (or of one read on the spot). */
    public Match match(FirewallRule rule, Stage stage, ConnState state) {
        return match(policy.of(rule), stage, state);
    }

    public Match match(PolicyRule rule, Stage stage, ConnState state) {
        return cache.computeIfAbsent(rule, r -> new HashMap<>())
                .computeIfAbsent(List.of(stage, state), k -> compute(rule.guards(), stage, state));
    }

    /** What a set of guards matches together, not cached (for one guard of a rule at a time). */
    public Match match(List<Guard> guards, Stage stage, ConnState state) {
        return compute(guards, stage, state);
    }

    private Match compute(List<Guard> guards, Stage stage, ConnState state) {
        List<String> assumptions = new ArrayList<>();
        PacketBox box = PacketBox.all(space.universe());
        PacketSet extra = null; // the port= matcher is a union of two boxes
        // address lists with DNS names: the field and the list's static members, applied after the loop
        Map<Field, IntervalSet> named = new java.util.EnumMap<>(Field.class);
        for (Guard guard : guards) {
            if (guard instanceof Guard.Address g) {
                box = box.with(field(g.side()), address(g));
            } else if (guard instanceof Guard.AddressList g) {
                IntervalSet members = list(g.list(), g.negated(), assumptions);
                if (!g.negated() && space.addressListHasNames(g.list())) {
                    named.merge(field(g.side()), members, IntervalSet::intersect);
                } else {
                    box = box.with(field(g.side()), members);
                }
            } else if (guard instanceof Guard.AddressType g) {
                box = box.with(field(g.side()), addressType(g.types(), g.negated()));
            } else if (guard instanceof Guard.Protocol g) {
                IntervalSet p = g.number().map(n -> IntervalSet.point(n)).orElse(IntervalSet.empty());
                box = box.with(Field.PROTOCOL, g.negated() ? p.complement(0, 255) : p);
            } else if (guard instanceof Guard.Ports g) {
                IntervalSet p = g.ports().orElse(IntervalSet.empty());
                switch (g.side()) {
                    case SRC -> box = box.with(Field.SRC_PORT, g.negated() ? p.complement(0, 65535) : p);
                    case DST -> box = box.with(Field.DST_PORT, g.negated() ? p.complement(0, 65535) : p);
                    case EITHER -> {
                        if (g.negated()) {
                            IntervalSet not = p.complement(0, 65535);
                            box = box.with(Field.SRC_PORT, not).with(Field.DST_PORT, not);
                        } else {
                            PacketSet either = PacketSet.of(PacketBox.all(space.universe()).with(Field.SRC_PORT, p))
                                    .union(PacketSet.of(PacketBox.all(space.universe()).with(Field.DST_PORT, p)));
                            extra = extra == null ? either : extra.intersect(either);
                        }
                    }
                }
            } else if (guard instanceof Guard.Interface g) {
                if (g.direction() == Guard.Direction.OUT && stage == Stage.DSTNAT) {
                    box = neverOut(g, assumptions, box);
                } else {
                    box = box.with(field(g.direction()), negate(space.iface(g.name()), g.negated(), space.allInterfaces()));
                }
            } else if (guard instanceof Guard.InterfaceList g) {
                if (g.direction() == Guard.Direction.OUT && stage == Stage.DSTNAT) {
                    box = neverOut(g, assumptions, box);
                } else {
                    box = box.with(field(g.direction()), negate(space.ifaceList(g.list()), g.negated(),
                            space.allInterfaces()));
                }
            } else if (guard instanceof Guard.ConnectionState g) {
                boolean hasNew = g.states().contains(state.reply() ? "established" : "new");
                if (hasNew == g.negated()) {
                    return never(assumptions);
                }
            } else if (guard instanceof Guard.ConnectionNatState g) {
                boolean any = false;
                for (String s : g.states()) {
                    any |= (s.equals("dstnat") && state.dstnatted()) || (s.equals("srcnat") && state.srcnatted());
                }
                if (any == g.negated()) {
                    return never(assumptions);
                }
            } else if (guard instanceof Guard.IpsecPolicy g) {
                // first packets of port forwards are never IPsec-protected
                if (g.ipsec() != g.negated()) {
                    return never(assumptions);
                }
            } else if (guard instanceof Guard.Mark g && state.marks().followed()) {
                // inside a flow the mangle walk says which marks the packet carries
                if (!state.marks().matches(g)) {
                    return never(assumptions);
                }
            } else if (guard instanceof Guard.Mark g) {
                // a mark no mangle rule sets is never on a packet: then "unmarked" is exact
                if (!g.unmarked() && marksSet.contains(g.kind().property() + "=" + g.mark())) {
                    assumptions.add(g.quoted() + ": mangle marks are not analysed; assumed unmarked");
                }
                if (g.unmarked() == g.negated()) {
                    return never(assumptions);
                }
            } else if (guard instanceof Guard.ConnectionType g) {
                // plain connections have no helper type
                if (!g.negated()) {
                    return never(assumptions);
                }
            } else if (guard instanceof Guard.TcpFlags g) {
                box = box.with(Field.PROTOCOL, IntervalSet.point(6));
                if (!firstSegmentMatches(g.flags()) ^ g.negated()) {
                    return never(assumptions);
                }
            } else if (guard instanceof Guard.Unsupported g) {
                assumptions.add(g.quoted() + " is " + g.reason() + "; assumed to match");
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

    /** No routing decision exists yet in prerouting: an out-interface matcher in dstnat never matches. */
    private static PacketBox neverOut(Guard g, List<String> assumptions, PacketBox box) {
        assumptions.add(g.property() + " in chain dstnat can never match (no out-interface before routing)");
        return box.with(Field.OUT_INTERFACE, IntervalSet.empty());
    }

    private static Field field(Guard.Side side) {
        return side == Guard.Side.SRC ? Field.SRC_ADDRESS : Field.DST_ADDRESS;
    }

    private static Field field(Guard.Direction direction) {
        return direction == Guard.Direction.IN ? Field.IN_INTERFACE : Field.OUT_INTERFACE;
    }

    /** The guards of {@code rule} that packet {@code p} fails, each checked on its own. */
    public List<Guard> failingGuards(PolicyRule rule, Stage stage, ConnState state, Packet p) {
        List<Guard> out = new ArrayList<>();
        for (Guard g : rule.guards()) {
            if (!match(List.of(g), stage, state).packets().contains(p)) {
                out.add(g);
            }
        }
        return out;
    }

    private Match never(List<String> assumptions) {
        return new Match(PacketSet.empty(space.universe()), List.copyOf(assumptions));
    }

    private IntervalSet address(Guard.Address g) {
        if (g.addresses().isEmpty()) {
            // unparsable (a variable, a typo): RouterOS would not accept the rule, so it matches nothing
            return IntervalSet.empty();
        }
        return space.withSymbolic(g.addresses().get(), g.negated());
    }

    private IntervalSet list(String name, boolean negated, List<String> assumptions) {
        IntervalSet members = space.addressList(name);
        if (space.addressListHasNames(name)) {
            assumptions.add("address list " + name + " has DNS names; their addresses are unknown");
        }
        return negated ? members.complement(0, space.allAddresses().max()) : members;
    }

    private IntervalSet addressType(List<String> types, boolean negated) {
        IntervalSet s = IntervalSet.empty();
        for (String t : types) {
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

    private static IntervalSet negate(IntervalSet s, boolean negated, IntervalSet all) {
        return negated ? all.subtract(s) : s;
    }

    /** Whether a TCP connection's first segment (SYN, no ACK/FIN/RST) satisfies a tcp-flags value. */
    private static boolean firstSegmentMatches(List<String> flags) {
        for (String flag : flags) {
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
