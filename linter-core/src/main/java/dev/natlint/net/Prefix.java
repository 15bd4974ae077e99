package dev.natlint.net;

import java.util.Optional;

/**
 * An aligned IPv4 prefix ({@code network/length}) with its host bits clear, so that equal prefixes
 * are equal records.
 *
 * @param network first address, host bits zero
 * @param length  0..32
 */
public record Prefix(long network, int length) {

    public Prefix {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length " + length + " is outside 0..32");
        }
        if (network < 0 || network > Ipv4.MAX || (network & ~Ipv4.mask(length) & Ipv4.MAX) != 0) {
            throw new IllegalArgumentException(Ipv4.format(network) + "/" + length + " has host bits set");
        }
    }

    /**
     * {@code a.b.c.d/len}, or a bare address as /32. Host bits may be set, as RouterOS accepts
     * {@code 192.168.1.1/24} too; they are masked off. Never throws.
     */
    public static Optional<Prefix> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Ipv4.parse(text).map(a -> new Prefix(a, 32));
        }
        int length = Ipv4.smallNumber(text, slash + 1, text.length(), 32);
        if (length < 0) {
            return Optional.empty();
        }
        return Ipv4.parse(text.substring(0, slash)).map(a -> new Prefix(a & Ipv4.mask(length), length));
    }

    /** The prefix {@code address} falls in when {@code length} bits are kept. */
    public static Prefix containing(long address, int length) {
        return new Prefix(address & Ipv4.mask(length), length);
    }

    /** Last address of the prefix (its broadcast address for lengths below 31). */
    public long last() {
        return network | (~Ipv4.mask(length) & Ipv4.MAX);
    }

    public long size() {
        return 1L << (32 - length);
    }

    public boolean contains(long address) {
        return address >= network && address <= last();
    }

    /** The addresses as a set of concrete IPv4 values (no symbolic convention applied here). */
    public IntervalSet toSet() {
        return IntervalSet.of(network, last());
    }

    /** {@code 192.168.1.0/24}; a single address keeps its {@code /32}. */
    @Override
    public String toString() {
        return Ipv4.format(network) + "/" + length;
    }
}
