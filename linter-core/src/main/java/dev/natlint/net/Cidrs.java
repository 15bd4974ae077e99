package dev.natlint.net;

import dev.natlint.flow.packet.IntervalSet;
import java.util.ArrayList;
import java.util.List;

/** Writes address sets for people: CIDR prefixes where they are exact, ranges otherwise. */
public final class Cidrs {

    private Cidrs() {
    }

    /**
     * Each maximal interval of IPv4 addresses as {@code a.b.c.d/len} when it is exactly one aligned
     * prefix, else as {@code a.b.c.d-e.f.g.h}. Values beyond IPv4 (symbolic addresses) are left out.
     */
    public static List<String> render(IntervalSet addresses) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < addresses.intervalCount(); i++) {
            long lo = addresses.lo(i);
            long hi = Math.min(addresses.hi(i), 0xFFFFFFFFL);
            if (lo > 0xFFFFFFFFL) {
                break;
            }
            List<String> prefixes = prefixes(lo, hi);
            out.add(prefixes.size() == 1 ? prefixes.get(0) : Ipv4.format(lo) + "-" + Ipv4.format(hi));
        }
        return out;
    }

    /** The minimal list of aligned prefixes covering exactly {@code [lo, hi]}. */
    public static List<String> prefixes(long lo, long hi) {
        List<String> out = new ArrayList<>();
        long cur = lo;
        while (cur <= hi) {
            int len = 32;
            while (len > 0) {
                long size = 1L << (32 - (len - 1));
                if ((cur & (size - 1)) != 0 || cur + size - 1 > hi) {
                    break;
                }
                len--;
            }
            out.add(Ipv4.format(cur) + "/" + len);
            cur += 1L << (32 - len);
        }
        return out;
    }
}
