package dev.natlint.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Seeded configs of the shapes that the size tiers miss: a flat network with many forwards on one
 * public address, and a forward chain that drops many blocklists, each list dropped again on many
 * rules. The same shape and seed always give the same text.
 *
 * <p>Each forward goes to a server on one of {@code vlans} VLANs (one /24 each), every second one with
 * its specific hairpin masquerade; {@code lists} address lists of {@code entries} random public
 * addresses are each dropped {@code listRules / lists} times in the forward chain, between per-VLAN
 * accepts, inside the default configuration's accept-established / drop-invalid / drop-WAN-not-dstnat.
 */
public final class ShapeGenerator {

    /** The shapes of the benchmark, named as in bench/RESULTS.md. */
    public enum Shape {
        LISTS_100_VLANS(1_000, 100, 20, 2_500, 1_000),
        LISTS_25_VLANS(1_000, 25, 20, 2_500, 1_000),
        NO_LISTS_100_VLANS(1_000, 100, 0, 0, 0);

        final int forwards;
        final int vlans;
        final int lists;
        final int entries;
        final int listRules;

        Shape(int forwards, int vlans, int lists, int entries, int listRules) {
            this.forwards = forwards;
            this.vlans = vlans;
            this.lists = lists;
            this.entries = entries;
            this.listRules = listRules;
        }
    }

    private ShapeGenerator() {
    }

    public static String generate(Shape s, long seed) {
        return generate(s.forwards, s.vlans, s.lists, s.entries, s.listRules, seed);
    }

    public static String generate(int forwards, int vlans, int lists, int entries, int listRules, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        sb.append("/interface bridge add name=bridge\n/interface list add name=WAN\n/interface list add name=LAN\n");
        sb.append("/interface list member add interface=ether1 list=WAN\n");
        for (int v = 0; v < vlans; v++) {
            sb.append("/interface vlan add interface=bridge name=vlan").append(v).append(" vlan-id=").append(v + 10).append('\n');
            sb.append("/interface list member add interface=vlan").append(v).append(" list=LAN\n");
            sb.append("/ip address add address=").append(net(v)).append(".1/24 interface=vlan").append(v).append('\n');
        }
        sb.append("/ip address add address=203.0.113.2/24 interface=ether1\n/ip route add gateway=203.0.113.1\n");
        sb.append("/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN\n");
        for (int i = 0; i < forwards; i++) {
            int v = i % vlans;
            String server = net(v) + "." + (10 + i / vlans % 240);
            int port = 10_000 + i;
            sb.append("/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=").append(port)
                    .append(" action=dst-nat to-addresses=").append(server).append('\n');
            if (i % 2 == 0) {
                sb.append("/ip firewall nat add chain=srcnat action=masquerade dst-address=").append(server)
                        .append(" protocol=tcp dst-port=").append(port).append(" out-interface=vlan").append(v)
                        .append(" src-address=").append(net(v)).append(".0/24\n");
            }
        }
        for (int k = 0; k < lists; k++) {
            for (int j = 0; j < entries; j++) {
                long a = (1L << 24) + (long) (r.nextDouble() * ((223L << 24) - (1L << 24)));
                sb.append("/ip firewall address-list add list=blocklist-").append(k).append(" address=")
                        .append(a >> 24).append('.').append((a >> 16) & 255).append('.').append((a >> 8) & 255).append('.')
                        .append(a & 255).append('\n');
            }
        }
        sb.append("/ip firewall filter add chain=forward action=accept connection-state=established,related\n");
        sb.append("/ip firewall filter add chain=forward action=drop connection-state=invalid\n");
        int accepts = Math.max(forwards, listRules);
        for (int i = 0; i < accepts; i++) {
            if (i < listRules && lists > 0) {
                sb.append("/ip firewall filter add chain=forward action=drop src-address-list=blocklist-").append(i % lists)
                        .append('\n');
            }
            if (i < forwards) {
                sb.append("/ip firewall filter add chain=forward action=accept protocol=tcp dst-port=").append(10_000 + i)
                        .append(" in-interface=vlan").append(i % vlans).append('\n');
            }
        }
        sb.append("/ip firewall filter add chain=forward action=drop connection-state=new connection-nat-state=!dstnat"
                + " in-interface-list=WAN\n");
        return sb.toString();
    }

    /** The first three octets of VLAN {@code v}'s /24. */
    private static String net(int v) {
        return "10." + (v / 250) + "." + (v % 250);
    }

    /** Writes {@code <shape>.rsc} files: {@code ShapeGenerator DIR [seed]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-shapes");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Files.createDirectories(dir);
        for (Shape s : Shape.values()) {
            String text = generate(s, seed);
            String name = s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            Files.writeString(dir.resolve(name + ".rsc"), text, StandardCharsets.UTF_8);
            System.out.println(name + ": " + text.lines().count() + " lines");
        }
    }
}
