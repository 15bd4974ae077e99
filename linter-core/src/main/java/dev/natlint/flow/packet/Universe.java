package dev.natlint.flow.packet;

import java.util.List;

/**
 * The domains of one analysis. Addresses run past the IPv4 space: value {@code 2^32 + i} stands for the
 * i-th symbolic address, an address the router gets at run time (DHCP, PPPoE) and that no script
 * states. Interfaces are indices into a fixed list of names.
 *
 * <p>Convention, applied through {@link #addressSetFor}: a concrete prefix other than 0.0.0.0/0 never
 * contains a symbolic address (its value is unknown, so no rule may rely on it); the negation of such
 * a prefix therefore does contain it, and 0.0.0.0/0 contains every address.
 */
public record Universe(List<String> symbolicAddresses, List<String> interfaces) {

    public static final long IPV4_MAX = 0xFFFFFFFFL;
    public static final long SYMBOLIC_BASE = 1L << 32;

    public Universe {
        symbolicAddresses = List.copyOf(symbolicAddresses);
        interfaces = List.copyOf(interfaces);
    }

    public long maxAddress() {
        return IPV4_MAX + symbolicAddresses.size();
    }

    public IntervalSet domain(Field f) {
        return switch (f) {
            case SRC_ADDRESS, DST_ADDRESS -> IntervalSet.of(0, maxAddress());
            case PROTOCOL -> IntervalSet.of(0, 255);
            case SRC_PORT, DST_PORT -> IntervalSet.of(0, 65535);
            case IN_INTERFACE, OUT_INTERFACE -> IntervalSet.of(0, interfaces.size() - 1L);
        };
    }

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

    public int interfaceIndex(String name) {
        return interfaces.indexOf(name);
    }

    public String interfaceName(int index) {
        return index >= 0 && index < interfaces.size() ? interfaces.get(index) : "#" + index;
    }

    /** Dotted quad, or the name of a symbolic address. */
    public String describeAddress(long address) {
        if (address >= SYMBOLIC_BASE) {
            int i = (int) (address - SYMBOLIC_BASE);
            return i < symbolicAddresses.size() ? "(" + symbolicAddresses.get(i) + ")" : "(symbolic #" + i + ")";
        }
        return dev.natlint.net.Ipv4.format(address);
    }

    /**
     * A matcher's address set under the symbolic convention. {@code concrete} holds IPv4 values only.
     */
    public IntervalSet addressSetFor(IntervalSet concrete, boolean negated) {
        boolean everything = concrete.equals(IntervalSet.of(0, IPV4_MAX));
        IntervalSet withSymbolic = everything ? IntervalSet.of(0, maxAddress()) : concrete;
        return negated ? withSymbolic.complement(0, maxAddress()) : withSymbolic;
    }
}
