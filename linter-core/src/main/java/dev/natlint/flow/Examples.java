package dev.natlint.flow;

import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.Packet;
import dev.natlint.flow.packet.PacketBox;

/**
 * Picks the concrete packet a flow's step table follows. Any member would be correct; these choices
 * make tables read like a network engineer's example: host .10 of a LAN, a documentation address
 * (203.0.113.10) for the internet, an ephemeral source port, TCP when the forward allows it.
 */
final class Examples {

    static final long INTERNET_EXAMPLE = 0xCB00710AL; // 203.0.113.10, TEST-NET-3
    /** For when the router's own uplink is in TEST-NET-3 and its clients are not what is meant. */
    static final long SECOND_INTERNET_EXAMPLE = 0xC633640AL; // 198.51.100.10, TEST-NET-2
    static final int SOURCE_PORT = 50000;

    private Examples() {
    }

    /** {@code avoid}: addresses that make a confusing example client (the forward's own server). */
    static Packet packet(PacketBox box, IntervalSet avoid) {
        IntervalSet sources = box.get(Field.SRC_ADDRESS);
        IntervalSet preferred = sources.subtract(avoid);
        return new Packet(source(preferred.isEmpty() ? sources : preferred), destination(box.get(Field.DST_ADDRESS)),
                (int) prefer(box.get(Field.PROTOCOL), 6, 17), (int) prefer(box.get(Field.SRC_PORT), SOURCE_PORT),
                (int) box.get(Field.DST_PORT).min(), (int) box.get(Field.IN_INTERFACE).min(),
                (int) box.get(Field.OUT_INTERFACE).min());
    }

    private static long source(IntervalSet s) {
        if (s.contains(INTERNET_EXAMPLE)) {
            return INTERNET_EXAMPLE;
        }
        long lo = s.min();
        if (lo < 0x01000000L && s.contains(SECOND_INTERNET_EXAMPLE)) {
            // a set that starts in 0.0.0.0/8 (never a real client) is the internet minus something
            return SECOND_INTERNET_EXAMPLE;
        }
        for (long host : new long[] {10, 20, 100}) {
            if (s.contains((lo & ~0xFFL) + host)) {
                return (lo & ~0xFFL) + host;
            }
        }
        return s.contains(lo + 1) && (lo & 0xFF) == 0 ? lo + 1 : lo;
    }

    private static long destination(IntervalSet s) {
        // a concrete address reads better than a symbolic one when both are possible
        return s.min();
    }

    private static long prefer(IntervalSet s, long... preferred) {
        for (long p : preferred) {
            if (s.contains(p)) {
                return p;
            }
        }
        return s.min();
    }
}
