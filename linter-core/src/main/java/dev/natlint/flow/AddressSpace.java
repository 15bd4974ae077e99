package dev.natlint.flow;

import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.Universe;
import dev.natlint.graph.Topology;
import dev.natlint.model.AddressListEntry;
import dev.natlint.model.IpAddress;
import dev.natlint.model.RouterConfig;
import dev.natlint.net.Ipv4;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The universe of one configuration (its interfaces and its dynamic addresses) and the translation of
 * the configuration's address vocabulary into sets: address lists, router-local addresses, interface
 * lists. Computed once per configuration and shared by every flow.
 */
public final class AddressSpace {

    private static final long MAX_IPV4 = 0xFFFFFFFFL;

    private final RouterConfig config;
    private final Topology topology;
    private final Universe universe;
    /** The address lists resolved so far; one map for every space over the same entries. */
    private final ConcurrentHashMap<String, ResolvedList> addressLists;
    private final Map<String, IntervalSet> interfaceLists = new HashMap<>();
    /** Interface name to its index in the universe; asked for every rule and every route. */
    private final Map<String, Integer> ifaceIndex = new HashMap<>();
    private final IntervalSet local;
    private final IntervalSet broadcast;

    public AddressSpace(Topology topology) {
        this(topology, null);
    }

    /** A list's static entries as one set, and whether it also holds DNS names. */
    private record ResolvedList(IntervalSet addresses, boolean hasNames) {
    }

    /**
     * An address space that shares the address lists resolved by {@code earlier} when both
     * configurations hold the very same entries: the engines of one analysis, and every fixed variant
     * checked (re-analysing the file with one rule added). A copy of what {@code earlier} had resolved
     * so far was not enough: the engines that run the forwards resolve the lists, not the analysis they
     * start from, so every engine and every variant resolved all 50,000 entries again.
     */
    public AddressSpace(Topology topology, AddressSpace earlier) {
        this.topology = topology;
        this.config = topology.config();
        this.addressLists = earlier != null && earlier.config.addressListEntries() == config.addressListEntries()
                ? earlier.addressLists : new ConcurrentHashMap<>();
        List<String> symbolic = topology.dynamicAddressInterfaces().stream().map(AddressSpace::dynamicName).toList();
        this.universe = new Universe(symbolic, topology.allInterfaces().isEmpty()
                ? List.of("(none)") : topology.allInterfaces());
        List<String> names = topology.allInterfaces();
        for (int i = 0; i < names.size(); i++) {
            ifaceIndex.put(names.get(i), i);
        }
        IntervalSet l = IntervalSet.empty();
        IntervalSet b = IntervalSet.point(MAX_IPV4);
        for (IpAddress a : topology.routerAddresses()) {
            l = l.union(IntervalSet.point(a.address()));
            if (a.prefixLength() < 31) {
                b = b.union(IntervalSet.point(a.broadcast()));
            }
        }
        for (String iface : topology.dynamicAddressInterfaces()) {
            long s = universe.symbolicAddress(dynamicName(iface));
            l = l.union(IntervalSet.point(s));
        }
        this.local = l;
        this.broadcast = b;
    }

    /** The name of the symbolic address a DHCP or PPPoE client gets at run time. */
    public static String dynamicName(String iface) {
        return "address of " + iface;
    }

    public Universe universe() {
        return universe;
    }

    public Topology topology() {
        return topology;
    }

    public RouterConfig config() {
        return config;
    }

    /** Every address of the router, the symbolic dynamic ones included ({@code dst-address-type=local}). */
    public IntervalSet local() {
        return local;
    }

    public IntervalSet broadcast() {
        return broadcast;
    }

    public IntervalSet multicast() {
        return IntervalSet.of(0xE0000000L, 0xEFFFFFFFL);
    }

    /** All addresses, concrete and symbolic. */
    public IntervalSet allAddresses() {
        return universe.domain(dev.natlint.flow.packet.Field.SRC_ADDRESS);
    }

    /** The symbolic address of a dynamic interface, if it has one. */
    public Optional<Long> dynamicAddress(String iface) {
        return topology.dynamicAddressInterfaces().contains(iface)
                ? Optional.of(universe.symbolicAddress(dynamicName(iface))) : Optional.empty();
    }

    /**
     * A written address spec ({@code 1.2.3.4}, a prefix or a range) as a set of concrete addresses.
     * Empty when the text is no IPv4 spec (a {@code $variable}, a typo): such a matcher matches nothing.
     */
    public Optional<IntervalSet> spec(String written) {
        return Ipv4.parseAddressSpec(written);
    }

    /**
     * Applies the symbolic-address convention: a concrete prefix other than 0.0.0.0/0 never contains a
     * dynamic address (we cannot know it), its negation does, and 0.0.0.0/0 contains all of them.
     */
    public IntervalSet withSymbolic(IntervalSet concrete, boolean negated) {
        return universe.addressSetFor(concrete, negated);
    }

    /** Union of a list's static entries; DNS names are never resolved, so they add nothing. */
    public IntervalSet addressList(String name) {
        return resolved(name).addresses();
    }

    /** True when the list has DNS-name entries, whose addresses only the router knows at run time. */
    public boolean addressListHasNames(String name) {
        return resolved(name).hasNames();
    }

    /** Resolved once per run for all engines and variants (the map is shared, so it is a concurrent one). */
    private ResolvedList resolved(String name) {
        ResolvedList known = addressLists.get(name);
        return known != null ? known : addressLists.computeIfAbsent(name, n -> {
            List<IntervalSet> entries = new ArrayList<>();
            boolean names = false;
            for (AddressListEntry e : config.addressList(n)) {
                Optional<IntervalSet> set = Ipv4.parseAddressSpec(e.address());
                if (set.isPresent()) {
                    entries.add(set.get());
                } else {
                    names = true;
                }
            }
            return new ResolvedList(IntervalSet.unionAll(entries), names);
        });
    }

    /** Interface indices of the named interface (empty when undefined). */
    public IntervalSet iface(String name) {
        Integer idx = ifaceIndex.get(name);
        return idx == null ? IntervalSet.empty() : IntervalSet.point(idx);
    }

    /** Interface indices of the members of an interface list (empty when undefined). */
    public IntervalSet ifaceList(String name) {
        return interfaceLists.computeIfAbsent(name, n -> {
            IntervalSet s = IntervalSet.empty();
            for (String member : config.interfaceListMembers(n)) {
                s = s.union(iface(member));
            }
            return s;
        });
    }

    public IntervalSet allInterfaces() {
        return universe.domain(dev.natlint.flow.packet.Field.IN_INTERFACE);
    }

    /** The router's addresses on {@code iface}, static ones first, then its dynamic one. */
    public List<Long> addressesOf(String iface) {
        List<Long> out = new ArrayList<>();
        topology.addressesOn(iface).forEach(a -> out.add(a.address()));
        dynamicAddress(iface).ifPresent(out::add);
        return out;
    }

    public String describe(long address) {
        return universe.describeAddress(address);
    }
}
