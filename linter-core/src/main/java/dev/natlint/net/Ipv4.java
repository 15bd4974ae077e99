package dev.natlint.net;

import java.util.Optional;

/**
 * IPv4 text and values. Addresses are unsigned 32-bit values held in a {@code long}.
 *
 * <p>Parsers never throw: text that is not strictly IPv4 gives an empty Optional, because the
 * linter reads user scripts in which {@code $variables}, DNS names and typos are normal and must be
 * reported, not crash the run. Strict means: exactly four decimal octets 0-255 of ASCII digits, no
 * leading zeros (inet_aton would read {@code 010} as octal 8; we refuse to guess), no whitespace.
 */
public final class Ipv4 {

    public static final long MAX = 0xFFFFFFFFL;

    private Ipv4() {
    }

    /** A dotted quad ({@code 192.168.1.2}) as an unsigned value. */
    public static Optional<Long> parse(String text) {
        long value = parseOrMinus(text, 0, text == null ? 0 : text.length());
        return value < 0 ? Optional.empty() : Optional.of(value);
    }

    /** Whether the whole text is one strict dotted quad. */
    public static boolean isAddress(String text) {
        return parseOrMinus(text, 0, text == null ? 0 : text.length()) >= 0;
    }

    /** Parses {@code text[from, to)} as a dotted quad; -1 when it is not one. Allocation-free. */
    private static long parseOrMinus(String text, int from, int to) {
        if (text == null || to - from < 7 || to - from > 15) {
            return -1;
        }
        long value = 0;
        int start = from;
        for (int octet = 0; octet < 4; octet++) {
            int end = start;
            while (end < to && text.charAt(end) != '.') {
                end++;
            }
            int n = smallNumber(text, start, end, 255);
            if (n < 0 || (octet < 3 ? end == to : end != to)) {
                return -1;
            }
            value = (value << 8) | n;
            start = end + 1;
        }
        return value;
    }

    /**
     * {@code text[from, to)} as a decimal number of at most three ASCII digits, without leading
     * zeros, no larger than {@code max}; -1 otherwise. ASCII is tested explicitly: other scripts'
     * digits, which {@link Character#isDigit} accepts, must not depend on the range check to fail.
     */
    static int smallNumber(String text, int from, int to, int max) {
        int len = to - from;
        if (len < 1 || len > 3 || (len > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        int n = decimal(text, from, to);
        return n <= max ? n : -1;
    }

    /**
     * {@code text[from, to)} as a number when it is only ASCII digits, -1 otherwise. The caller
     * bounds the length (at most nine digits, so the value fits an int).
     */
    static int decimal(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * Dotted quad of the low 32 bits. Symbolic addresses (values past IPv4) have no dotted form;
     * callers that may hold one describe it through {@code Universe.describeAddress}.
     */
    public static String format(long address) {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    /**
     * {@code a.b.c.d/len} (host bits masked off) or a bare address as /32, as {@code {network, length}}.
     * The array form predates {@link Prefix#parse}, which is the typed equivalent.
     */
    public static Optional<long[]> parsePrefix(String text) {
        return Prefix.parse(text).map(p -> new long[] {p.network(), p.length()});
    }

    /** {@code a.b.c.d-e.f.g.h} with the first address not above the second. */
    public static Optional<IntervalSet> parseRange(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        long lo = parseOrMinus(text, 0, dash);
        long hi = parseOrMinus(text, dash + 1, text.length());
        if (lo < 0 || hi < 0 || lo > hi) {
            return Optional.empty();
        }
        return Optional.of(IntervalSet.of(lo, hi));
    }

    /**
     * An address, a prefix or a range, as RouterOS accepts in {@code src-address}/{@code dst-address}
     * and address lists (without a leading {@code !}, which the caller handles). Concrete values only:
     * symbolic addresses are the {@code Universe}'s business.
     */
    public static Optional<IntervalSet> parseAddressSpec(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.indexOf('-') >= 0) {
            return parseRange(text);
        }
        return Prefix.parse(text).map(Prefix::toSet);
    }

    /** Network mask of a prefix length, e.g. 24 to {@code 0xFFFFFF00}. */
    public static long mask(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0..32");
        }
        return prefixLength == 0 ? 0 : (MAX << (32 - prefixLength)) & MAX;
    }

    /** RFC 1918 private ranges, plus carrier-grade NAT 100.64.0.0/10 and link-local 169.254.0.0/16. */
    public static boolean isPrivate(long a) {
        return (a >>> 24) == 10 || (a >>> 20) == 0xAC1 || (a >>> 16) == 0xC0A8 || (a >>> 22) == 0x191
                || (a >>> 16) == 0xA9FE;
    }
}
