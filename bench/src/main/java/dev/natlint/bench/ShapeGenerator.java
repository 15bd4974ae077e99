package dev.natlint.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded configs of the shapes that the size tiers miss: a flat network with many forwards on one
 * public address, forwards spread over many public addresses, few VLANs with many forwards each, and a
 * forward chain that drops many blocklists, each list dropped again on many rules. The same shape and
 * seed always give the same text.
 *
 * <p>Each forward goes to a server on one of {@code vlans} VLANs (one /24 each), every second one with
 * its specific hairpin masquerade; {@code lists} address lists of {@code entries} random public
 * addresses are each dropped {@code listRules / lists} times in the forward chain, between per-VLAN
 * accepts, inside the default configuration's accept-established / drop-invalid / drop-WAN-not-dstnat.
 * The shapes added after the first three are {@linkplain Spec#varied varied}: random ports (some
 * ranges, some UDP), random servers and hairpins, networks among the list entries, list rules in
 * random order; and {@link #series} doubles one dimension at a time.
 */
public final class ShapeGenerator {

    /**
     * What to generate.
     *
     * @param publicAddresses forwards are spread evenly over this many public addresses on the WAN
     * @param varied          false for the plain shape of issue 13 (sequential ports, every second
     *                        forward with a hairpin, list K on rule i when K = i mod lists)
     */
    public record Spec(int forwards, int vlans, int lists, int entries, int listRules, int publicAddresses,
                       boolean varied) {

        public Spec {
            if (forwards < 1 || vlans < 1 || vlans > 1000 || publicAddresses < 1 || publicAddresses > 200
                    || forwards > 40_000 || (listRules > 0 && lists < 1)) {
                throw new IllegalArgumentException("unsupported shape " + this);
            }
        }

        /** The same shape with one dimension changed, for the scaling series. */
        Spec with(String dimension, int value) {
            return switch (dimension) {
                case "forwards" -> new Spec(value, vlans, lists, entries, listRules, publicAddresses, varied);
                case "vlans" -> new Spec(forwards, value, lists, entries, listRules, publicAddresses, varied);
                case "list-rules" -> new Spec(forwards, vlans, lists, entries, value, publicAddresses, varied);
                case "list-entries" -> new Spec(forwards, vlans, lists, value, listRules, publicAddresses, varied);
                default -> throw new IllegalArgumentException(dimension);
            };
        }
    }

    /** The shapes of the benchmark, named as in bench/RESULTS.md. */
    public enum Shape {
        LISTS_100_VLANS(new Spec(1_000, 100, 20, 2_500, 1_000, 1, false)),
        LISTS_25_VLANS(new Spec(1_000, 25, 20, 2_500, 1_000, 1, false)),
        NO_LISTS_100_VLANS(new Spec(1_000, 100, 0, 0, 0, 1, false)),
        /** 250 forwards on each of 4 VLANs, behind the full list-heavy chain. */
        FEW_VLANS_MANY_FORWARDS(new Spec(1_000, 4, 20, 2_500, 1_000, 1, true)),
        /** 2,000 forwards on one public address to 40 VLANs, a lighter chain. */
        PORTS_ONE_ADDRESS(new Spec(2_000, 40, 10, 1_000, 200, 1, true)),
        /** 64 public addresses with 16 forwards each, to 32 VLANs. */
        MANY_PUBLIC_ADDRESSES(new Spec(1_024, 32, 10, 1_000, 200, 64, true));

        public final Spec spec;

        Shape(Spec spec) {
            this.spec = spec;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The base of the scaling series: each series doubles one dimension of it three times. */
    static final Spec SERIES_BASE = new Spec(100, 10, 10, 250, 50, 1, true);

    /** The series' dimensions, in the order bench/run.sh prints them. */
    public static final List<String> SERIES = List.of("forwards", "vlans", "list-rules", "list-entries");

    private ShapeGenerator() {
    }

    /**
     * The points of one scaling series by name ({@code forwards-100} ... {@code forwards-800}): 1x, 2x,
     * 4x and 8x the base in that dimension, everything else as in the base.
     */
    public static Map<String, Spec> series(String dimension) {
        int base = switch (dimension) {
            case "forwards" -> SERIES_BASE.forwards();
            case "vlans" -> SERIES_BASE.vlans();
            case "list-rules" -> SERIES_BASE.listRules();
            case "list-entries" -> SERIES_BASE.entries();
            default -> throw new IllegalArgumentException("no series " + dimension + " (" + SERIES + ")");
        };
        Map<String, Spec> out = new LinkedHashMap<>();
        for (int k = 1; k <= 8; k *= 2) {
            out.put(dimension + "-" + base * k, SERIES_BASE.with(dimension, base * k));
        }
        return out;
    }

    public static String generate(Shape s, long seed) {
        return generate(s.spec, seed);
    }

    public static String generate(int forwards, int vlans, int lists, int entries, int listRules, long seed) {
        return generate(new Spec(forwards, vlans, lists, entries, listRules, 1, false), seed);
    }

    public static String generate(Spec spec, long seed) {
        Random r = new Random(seed);
        // the variations draw from their own generator, so the plain shapes keep their text
        Random v = new Random(seed * 1_000_003L + 17);
        int forwards = spec.forwards();
        int vlans = spec.vlans();
        int lists = spec.lists();
        StringBuilder sb = new StringBuilder();
        sb.append("/interface bridge add name=bridge\n/interface list add name=WAN\n/interface list add name=LAN\n");
        sb.append("/interface list member add interface=ether1 list=WAN\n");
        for (int i = 0; i < vlans; i++) {
            sb.append("/interface vlan add interface=bridge name=vlan").append(i).append(" vlan-id=").append(i + 10).append('\n');
            sb.append("/interface list member add interface=vlan").append(i).append(" list=LAN\n");
            sb.append("/ip address add address=").append(net(i)).append(".1/24 interface=vlan").append(i).append('\n');
        }
        sb.append("/ip address add address=203.0.113.2/24 interface=ether1\n");
        for (int a = 1; a < spec.publicAddresses(); a++) {
            sb.append("/ip address add address=").append(publicAddress(a)).append("/24 interface=ether1\n");
        }
        sb.append("/ip route add gateway=203.0.113.1\n");
        sb.append("/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN\n");
        String[] filterPorts = new String[forwards];
        String[] protocols = new String[forwards];
        int[] ports = spec.varied() ? distinctPorts(v, forwards) : null;
        int perAddress = (forwards + spec.publicAddresses() - 1) / spec.publicAddresses();
        for (int i = 0; i < forwards; i++) {
            int vlan = i % vlans;
            String server;
            String port;
            String protocol = "tcp";
            boolean hairpin;
            if (spec.varied()) {
                server = net(vlan) + "." + (10 + v.nextInt(240));
                int p = ports[i];
                port = i % 9 == 4 ? p + "-" + (p + 3) : Integer.toString(p);
                protocol = i % 5 == 3 ? "udp" : "tcp";
                hairpin = v.nextBoolean();
            } else {
                server = net(vlan) + "." + (10 + i / vlans % 240);
                port = Integer.toString(10_000 + i);
                hairpin = i % 2 == 0;
            }
            filterPorts[i] = port;
            protocols[i] = protocol;
            sb.append("/ip firewall nat add chain=dstnat dst-address=").append(publicAddress(i / perAddress))
                    .append(" protocol=").append(protocol).append(" dst-port=").append(port)
                    .append(" action=dst-nat to-addresses=").append(server).append('\n');
            if (hairpin) {
                sb.append("/ip firewall nat add chain=srcnat action=masquerade dst-address=").append(server)
                        .append(" protocol=").append(protocol).append(" dst-port=").append(port)
                        .append(" out-interface=vlan").append(vlan).append(" src-address=").append(net(vlan)).append(".0/24\n");
            }
        }
        for (int k = 0; k < lists; k++) {
            for (int j = 0; j < spec.entries(); j++) {
                long a = (1L << 24) + (long) (r.nextDouble() * ((223L << 24) - (1L << 24)));
                while (spec.varied() && (a >> 24 == 10 || a >> 24 == 203 || a >> 24 == 192)) {
                    // a blocklist network over the LAN or the WAN would make every verdict "filtered"
                    a = (1L << 24) + (long) (r.nextDouble() * ((223L << 24) - (1L << 24)));
                }
                sb.append("/ip firewall address-list add list=blocklist-").append(k).append(" address=");
                if (spec.varied() && j % 10 == 9) {
                    // every tenth entry a network, as blocklists of hosting ranges have
                    int bits = j % 20 == 9 ? 24 : 16;
                    long masked = a & (-1L << (32 - bits));
                    sb.append(dotted(masked)).append('/').append(bits).append('\n');
                } else {
                    sb.append(dotted(a)).append('\n');
                }
            }
        }
        sb.append("/ip firewall filter add chain=forward action=accept connection-state=established,related\n");
        sb.append("/ip firewall filter add chain=forward action=drop connection-state=invalid\n");
        int listRules = lists > 0 ? spec.listRules() : 0;
        int accepts = Math.max(forwards, listRules);
        for (int i = 0; i < accepts; i++) {
            if (i < listRules) {
                int list = spec.varied() ? v.nextInt(lists) : i % lists;
                sb.append("/ip firewall filter add chain=forward action=drop src-address-list=blocklist-").append(list)
                        .append('\n');
            }
            if (i < forwards) {
                sb.append("/ip firewall filter add chain=forward action=accept protocol=").append(protocols[i])
                        .append(" dst-port=").append(spec.varied() ? filterPorts[i] : Integer.toString(10_000 + i))
                        .append(" in-interface=vlan").append(i % vlans).append('\n');
            }
        }
        sb.append("/ip firewall filter add chain=forward action=drop connection-state=new connection-nat-state=!dstnat"
                + " in-interface-list=WAN\n");
        return sb.toString();
    }

    /** {@code n} distinct ports from 1024-60000, each leaving room for a range of four. */
    private static int[] distinctPorts(Random v, int n) {
        Set<Integer> used = new LinkedHashSet<>();
        while (used.size() < n) {
            used.add(1024 + 4 * v.nextInt((60_000 - 1024) / 4));
        }
        return used.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String dotted(long a) {
        return (a >> 24) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }

    /** The WAN's public address number {@code a}: 203.0.113.2, .3, ... */
    private static String publicAddress(int a) {
        return "203.0.113." + (2 + a);
    }

    /** The first three octets of VLAN {@code v}'s /24. */
    private static String net(int v) {
        return "10." + (v / 250) + "." + (v % 250);
    }

    /**
     * Writes {@code <name>.rsc} files: {@code ShapeGenerator DIR [seed] [shapes|series|all]} (default
     * shapes: the six shapes; series: the four scaling series).
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-shapes");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        String which = args.length > 2 ? args[2] : "shapes";
        Files.createDirectories(dir);
        Map<String, Spec> out = new LinkedHashMap<>();
        if (!which.equals("series")) {
            for (Shape s : Shape.values()) {
                out.put(s.id(), s.spec);
            }
        }
        if (!which.equals("shapes")) {
            SERIES.forEach(d -> out.putAll(series(d)));
        }
        for (Map.Entry<String, Spec> e : out.entrySet()) {
            String text = generate(e.getValue(), seed);
            Files.writeString(dir.resolve(e.getKey() + ".rsc"), text, StandardCharsets.UTF_8);
            System.out.println(e.getKey() + ": " + text.lines().count() + " lines");
        }
    }
}
