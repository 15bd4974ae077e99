package dev.natlint.flow.packet;

import dev.natlint.net.IntervalSet;

import dev.natlint.net.Cidrs;
import dev.natlint.net.Ipv4;
import java.util.HashSet;
import java.util.List;

/**
 * The domains of one analysis.
 *
 * <p>Addresses run past the IPv4 space: value {@code 2^32 + i} stands for the i-th
 * <em>symbolic</em> address, one the router only learns at run time (a DHCP or PPPoE client's WAN
 * address) and that therefore no script can state. Keeping them inside the same number line as real
 * addresses lets every set operation treat them uniformly. Interfaces are indices into a fixed list
 * of names; protocols are 0-255 and ports 0-65535.
 *
 * <p>Symbolic-address convention, applied in one place by {@link #addressSetFor}:
 * <ul>
 *   <li>a concrete prefix, address or range other than 0.0.0.0/0 never contains a symbolic address:
 *       its value is unknown, so a verdict must not depend on it happening to fall inside;</li>
 *   <li>0.0.0.0/0 (and an absent matcher, "any address") contains every symbolic address;</li>
 *   <li>consequently a negated concrete prefix ({@code !10.0.0.0/8}) does contain them.</li>
 * </ul>
 *
 * @param symbolicAddresses names of the run-time addresses, e.g. "address of ether1"; distinct
 * @param interfaces interface names, distinct and at least one (an empty list would make every
 *                   packet set empty, which is never what a caller means)
 */
public record Universe(List<String> symbolicAddresses, List<String> interfaces) {

    public static final long IPV4_MAX = 0xFFFFFFFFL;
    public static final long SYMBOLIC_BASE = 1L << 32;

    private static final IntervalSet IPV4 = IntervalSet.of(0, IPV4_MAX);
    private static final IntervalSet PROTOCOLS = IntervalSet.of(0, 255);
    private static final IntervalSet PORTS = IntervalSet.of(0, 65535);

    public Universe {
        symbolicAddresses = List.copyOf(symbolicAddresses);
        interfaces = List.copyOf(interfaces);
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException("a universe needs at least one interface");
        }
        requireDistinct(symbolicAddresses, "symbolic address");
        requireDistinct(interfaces, "interface");
    }

    private static void requireDistinct(List<String> names, String what) {
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("duplicate " + what + " names in " + names);
        }
    }

    /** Largest address value: the last symbolic address, or 255.255.255.255 when there are none. */
    public long maxAddress() {
        return IPV4_MAX + symbolicAddresses.size();
    }

    public IntervalSet domain(Field f) {
        return switch (f) {
            case SRC_ADDRESS, DST_ADDRESS -> allAddresses();
            case PROTOCOL -> PROTOCOLS;
            case SRC_PORT, DST_PORT -> PORTS;
            case IN_INTERFACE, OUT_INTERFACE -> IntervalSet.of(0, interfaces.size() - 1L);
        };
    }

    /** Every address: all of IPv4 plus every symbolic address. */
    public IntervalSet allAddresses() {
        return symbolicAddresses.isEmpty() ? IPV4 : IntervalSet.of(0, maxAddress());
    }

    /** All of IPv4 and nothing symbolic. */
    public static IntervalSet concreteAddresses() {
        return IPV4;
    }

    /** All symbolic addresses (empty when there are none). */
    public IntervalSet symbolicRange() {
        return IntervalSet.of(SYMBOLIC_BASE, maxAddress());
    }

    /** @throws IllegalArgumentException for a name this universe was not built with */
    public long symbolicAddress(String name) {
        int i = symbolicAddresses.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown symbolic address " + name);
        }
        return SYMBOLIC_BASE + i;
    }

    public boolean isSymbolic(long address) {
        return address >= SYMBOLIC_BASE;
    }

    /** Index of an interface, or -1 when the universe does not know the name. */
    public int interfaceIndex(String name) {
        return interfaces.indexOf(name);
    }

    /** Name of an interface index; an unknown index shows as {@code #i} rather than failing a report. */
    public String interfaceName(int index) {
        return index >= 0 && index < interfaces.size() ? interfaces.get(index) : "#" + index;
    }

    /** Dotted quad, or the name of a symbolic address in parentheses. */
    public String describeAddress(long address) {
        if (address >= SYMBOLIC_BASE) {
            long i = address - SYMBOLIC_BASE;
            return i < symbolicAddresses.size() ? "(" + symbolicAddresses.get((int) i) + ")" : "(symbolic #" + i + ")";
        }
        return Ipv4.format(address);
    }

    /**
     * A written prefix as a matcher set under the convention: {@code prefix(0, 0)} is every address,
     * symbolic ones included; any longer prefix holds concrete addresses only.
     */
    public IntervalSet prefix(long network, int length) {
        long start = network & Ipv4.mask(length);
        return addressSetFor(IntervalSet.of(start, start | (~Ipv4.mask(length) & IPV4_MAX)), false);
    }

    /**
     * A matcher's address set under the symbolic convention. {@code concrete} is what the text
     * denotes in IPv4 (values beyond IPv4 are ignored); it counts as "any address" only when it is
     * the whole IPv4 space, however it was written.
     */
    public IntervalSet addressSetFor(IntervalSet concrete, boolean negated) {
        IntervalSet ipv4 = concrete.intersect(IPV4);
        IntervalSet withSymbolic = ipv4.equals(IPV4) ? allAddresses() : ipv4;
        return negated ? withSymbolic.complement(0, maxAddress()) : withSymbolic;
    }

    /**
     * A field's values for people: addresses as CIDRs/ranges plus symbolic names, interfaces by name,
     * numbers otherwise; the whole domain reads {@code any}.
     */
    public String describe(Field f, IntervalSet values) {
        if (values.isEmpty()) {
            return "none";
        }
        if (values.equals(domain(f))) {
            return "any";
        }
        StringBuilder sb = new StringBuilder();
        if (f.isAddress()) {
            for (String part : Cidrs.render(values)) {
                sb.append(sb.length() > 0 ? "," : "").append(part);
            }
            // a universe has few symbolic addresses, so listing them one by one stays short
            IntervalSet symbolic = values.intersect(symbolicRange());
            for (int i = 0; i < symbolic.intervalCount(); i++) {
                for (long a = symbolic.lo(i); a <= symbolic.hi(i); a++) {
                    sb.append(sb.length() > 0 ? "," : "").append(describeAddress(a));
                }
            }
        } else if (f.isInterface()) {
            IntervalSet known = values.intersect(domain(f));
            for (int i = 0; i < known.intervalCount(); i++) {
                for (long x = known.lo(i); x <= known.hi(i); x++) {
                    sb.append(sb.length() > 0 ? "," : "").append(interfaceName((int) x));
                }
            }
        } else {
            for (int i = 0; i < values.intervalCount(); i++) {
                sb.append(sb.length() > 0 ? "," : "").append(values.lo(i));
                if (values.hi(i) != values.lo(i)) {
                    sb.append('-').append(values.hi(i));
                }
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
