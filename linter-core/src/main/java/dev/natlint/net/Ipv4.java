package dev.natlint.net;

import dev.natlint.flow.packet.IntervalSet;
import java.util.Optional;

/** IPv4 text and values. Parsers never throw: text that is not IPv4 gives an empty Optional. */
public final class Ipv4 {

    private Ipv4() {
    }

    /** A dotted quad ({@code 192.168.1.2}) as an unsigned value; no leading zeros, no spaces. */
    public static Optional<Long> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 15) {
            return Optional.empty();
        }
        long value = 0;
        int octets = 0;
        int i = 0;
        while (i <= text.length()) {
            int start = i;
            int n = 0;
            while (i < text.length() && Character.isDigit(text.charAt(i)) && i - start < 3) {
                n = n * 10 + (text.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            if (len == 0 || n > 255 || (len > 1 && text.charAt(start) == '0')) {
                return Optional.empty();
            }
            value = (value << 8) | n;
            octets++;
            if (i == text.length()) {
                break;
            }
            if (text.charAt(i) != '.' || octets == 4) {
                return Optional.empty();
            }
            i++;
        }
        return octets == 4 ? Optional.of(value) : Optional.empty();
    }

    public static String format(long address) {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    /** {@code a.b.c.d/len} (host bits masked off) or a bare address as /32; {network, length}. */
    public static Optional<long[]> parsePrefix(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return parse(text).map(a -> new long[] {a, 32});
        }
        String len = text.substring(slash + 1);
        if (!len.matches("\\d{1,2}") || Integer.parseInt(len) > 32) {
            return Optional.empty();
        }
        int l = Integer.parseInt(len);
        return parse(text.substring(0, slash)).map(a -> new long[] {a & mask(l), l});
    }

    /** An address, a prefix or a range {@code a.b.c.d-e.f.g.h} as a set of addresses. */
    public static Optional<IntervalSet> parseAddressSpec(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dash = text.indexOf('-');
        if (dash >= 0) {
            Optional<Long> lo = parse(text.substring(0, dash));
            Optional<Long> hi = parse(text.substring(dash + 1));
            if (lo.isEmpty() || hi.isEmpty() || lo.get() > hi.get()) {
                return Optional.empty();
            }
            return Optional.of(IntervalSet.of(lo.get(), hi.get()));
        }
        return parsePrefix(text).map(p -> IntervalSet.of(p[0], p[0] | (~mask((int) p[1]) & 0xFFFFFFFFL)));
    }

    public static long mask(int prefixLength) {
        return prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
    }

    /** RFC 1918 private ranges, plus carrier-grade NAT 100.64.0.0/10 and link-local 169.254.0.0/16. */
    public static boolean isPrivate(long a) {
        return (a >>> 24) == 10 || (a >>> 20) == 0xAC1 || (a >>> 16) == 0xC0A8 || (a >>> 22) == 0x191
                || (a >>> 16) == 0xA9FE;
    }
}
