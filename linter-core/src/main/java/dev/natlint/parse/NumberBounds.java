package dev.natlint.parse;

import dev.natlint.diag.Location;
import java.util.Map;
import java.util.Set;

/**
 * The ranges RouterOS accepts for the numbers a script writes: item numbers, ports, VLAN ids, route
 * distances, prefix lengths, MTUs. A number outside its range is a line the router refuses, so it is
 * reported as a syntax problem at its token; the later stages then read such values as absent instead
 * of failing on them.
 */
public final class NumberBounds {

    /** Item numbers as {@code print} shows them; beyond this no table can hold the item. */
    public static final long MAX_ITEM = Integer.MAX_VALUE;

    /** Reports one problem. */
    @FunctionalInterface
    public interface Sink {
        void report(int line, int column, String message);
    }

    private record Range(String what, long min, long max) {
    }

    private static final Range PORT = new Range("port", 0, 65535);

    /** Properties whose value is a port list ({@code 80,443,8000-8080}). */
    private static final Set<String> PORT_LISTS = Set.of("dst-port", "src-port", "port", "to-ports");

    /** Properties holding one number. */
    private static final Map<String, Range> SINGLE = Map.of(
            "vlan-id", new Range("VLAN id", 1, 4094),
            "distance", new Range("distance", 0, 255),
            "default-route-distance", new Range("distance", 0, 255),
            "mtu", new Range("MTU", 0, 65535),
            "l2mtu", new Range("L2 MTU", 0, 65535));

    /** Properties that hold addresses, where a {@code /length} suffix is a prefix length. */
    private static final Set<String> ADDRESSES = Set.of("address", "network", "dst-address", "src-address",
            "to-addresses", "gateway");

    /** Verbs whose unnamed arguments are item numbers or names. */
    private static final Set<String> ITEM_VERBS = Set.of("set", "remove", "move", "disable", "enable", "unset",
            "edit", "comment", "reset-counters");

    /** Properties holding item numbers. */
    private static final Set<String> ITEM_PROPERTIES = Set.of("numbers", "place-before", "destination");

    private NumberBounds() {
    }

    /** Reports every number of {@code c} that is outside the range its property allows. */
    public static void check(Command c, Sink sink) {
        if (c.script()) {
            return;
        }
        boolean items = ITEM_VERBS.contains(c.verb());
        for (Arg a : c.args()) {
            if (a instanceof Arg.Positional p && items && p.value().isLiteral()) {
                checkItems(p.value().text(), p.location(), sink);
            } else if (a instanceof Arg.Property p && p.value().isLiteral()) {
                checkProperty(p.name(), p.value().text(), p.location(), sink);
            }
        }
    }

    private static void checkProperty(String name, String text, Location at, Sink sink) {
        String value = text.startsWith("!") ? text.substring(1) : text;
        if (ITEM_PROPERTIES.contains(name)) {
            checkItems(value, at, sink);
        } else if (PORT_LISTS.contains(name)) {
            for (String part : value.split("[,-]")) {
                checkNumber(part, PORT, at, sink);
            }
        } else if (SINGLE.containsKey(name)) {
            checkNumber(value, SINGLE.get(name), at, sink);
        } else if (ADDRESSES.contains(name)) {
            for (String part : value.split(",")) {
                int slash = part.indexOf('/');
                // IPv6 (also ::ffff:0.0.0.0/96) has prefix lengths up to 128
                if (slash >= 0 && part.indexOf('.') >= 0 && part.indexOf(':') < 0) {
                    checkNumber(part.substring(slash + 1), new Range("prefix length", 0, 32), at, sink);
                }
            }
        }
    }

    private static void checkItems(String value, Location at, Sink sink) {
        for (String token : value.split(",")) {
            String t = token.startsWith("*") ? token.substring(1) : token;
            if (!token.startsWith("*")) {
                checkNumber(t, new Range("item number", 0, MAX_ITEM), at, sink);
            }
        }
    }

    /** Only all-digit text is judged: anything else is a name or an expression, not a number. */
    private static void checkNumber(String text, Range range, Location at, Sink sink) {
        if (text.isEmpty() || !allDigits(text)) {
            return;
        }
        if (!fits(text, range.min(), range.max())) {
            sink.report(at.line(), at.column(), range.what() + " " + shorten(text) + " is out of range ("
                    + range.min() + "-" + range.max() + ")");
        }
    }

    /** The value of all-digit {@code text} when it is within [min, max]; never overflows. */
    public static boolean fits(String text, long min, long max) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            n = n * 10 + (text.charAt(i) - '0');
            if (n > max) {
                return false;
            }
        }
        return n >= min;
    }

    /**
     * All-digit {@code text} as an int when it is at most {@code max}, else -1: the one way later stages
     * read numbers from a script, so an out-of-range number can never throw.
     */
    public static int parse(String text, int max) {
        if (text == null || text.isEmpty() || !allDigits(text) || !fits(text, 0, max)) {
            return -1;
        }
        return Integer.parseInt(text);
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String digits) {
        return digits.length() <= 24 ? digits : digits.substring(0, 20) + "... (" + digits.length() + " digits)";
    }
}
