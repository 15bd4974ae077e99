package dev.natlint.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded generator of realistic RouterOS exports in three sizes. LAN subnets sit on VLANs of one
 * bridge; forwards point at servers on them; about half of the forwards have their hairpin
 * masquerade, so natlint has findings to report. The same tier and seed always give the same text.
 */
public final class ConfigGenerator {

    /** The sizes the benchmarks use. */
    public enum Tier {
        HOME(5, 2, 20, 15, 3),
        OFFICE(100, 20, 1_000, 200, 40),
        LARGE(1_000, 100, 50_000, 2_000, 1_000);

        final int forwards;
        final int subnets;
        final int addressListEntries;
        final int filterRules;
        final int srcnatRules;

        Tier(int forwards, int subnets, int addressListEntries, int filterRules, int srcnatRules) {
            this.forwards = forwards;
            this.subnets = subnets;
            this.addressListEntries = addressListEntries;
            this.filterRules = filterRules;
            this.srcnatRules = srcnatRules;
        }
    }

    private ConfigGenerator() {
    }

    public static String generate(Tier tier, long seed) {
        return generate(tier.name().toLowerCase(Locale.ROOT), tier.forwards, tier.subnets, tier.addressListEntries,
                tier.filterRules, tier.srcnatRules, seed);
    }

    /** A configuration of any size, for scaling series. */
    public static String generate(String label, int forwards, int subnets, int addressListEntries, int filterRules,
                                  int srcnatRules, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("# ").append(label).append(" benchmark config, seed ").append(seed)
                .append(" by RouterOS 7.16.1\n# software id = BENCH-0001\n#\n# model = RB5009UG+S+\n");
        sb.append("/interface bridge\nadd admin-mac=48:A9:8A:00:00:01 auto-mac=no comment=defconf name=bridge vlan-filtering=yes\n");
        sb.append("/interface ethernet\nset [ find default-name=ether1 ] comment=uplink name=ether1-wan\n");
        sb.append("/interface vlan\n");
        for (int v = 0; v < subnets; v++) {
            sb.append("add interface=bridge name=vlan").append(100 + v).append(" vlan-id=").append(100 + v).append('\n');
        }
        sb.append("/interface list\nadd comment=defconf name=WAN\nadd comment=defconf name=LAN\n");
        sb.append("/interface bridge port\n");
        for (int p = 2; p <= 8; p++) {
            sb.append("add bridge=bridge interface=ether").append(p).append(" pvid=").append(100 + (p % subnets)).append('\n');
        }
        sb.append("/interface bridge vlan\n");
        for (int v = 0; v < subnets; v++) {
            sb.append("add bridge=bridge tagged=bridge vlan-ids=").append(100 + v).append('\n');
        }
        sb.append("/interface list member\nadd comment=defconf interface=ether1-wan list=WAN\n");
        for (int v = 0; v < subnets; v++) {
            sb.append("add interface=vlan").append(100 + v).append(" list=LAN\n");
        }
        sb.append("/ip address\nadd address=203.0.113.2/24 interface=ether1-wan network=203.0.113.0\n");
        for (int v = 0; v < subnets; v++) {
            sb.append("add address=").append(subnet(v)).append(".1/24 interface=vlan").append(100 + v)
                    .append(" network=").append(subnet(v)).append(".0\n");
        }
        sb.append("/ip pool\n");
        for (int v = 0; v < subnets; v++) {
            sb.append("add name=pool").append(v).append(" ranges=").append(subnet(v)).append(".100-").append(subnet(v))
                    .append(".200\n");
        }
        sb.append("/ip dhcp-server\n");
        for (int v = 0; v < subnets; v++) {
            sb.append("add address-pool=pool").append(v).append(" interface=vlan").append(100 + v).append(" name=dhcp")
                    .append(v).append('\n');
        }
        sb.append("/ip dns\nset allow-remote-requests=yes servers=9.9.9.9\n");
        sb.append("/ip firewall address-list\n");
        for (int i = 0; i < addressListEntries; i++) {
            int list = i % 10;
            sb.append("add address=").append(10 + (i >> 16) % 50).append('.').append((i >> 8) & 0xFF).append('.')
                    .append(i & 0xFF).append(r.nextInt(4) == 0 ? ".0/24".substring(2) : "").append(" list=blocklist")
                    .append(list).append(" comment=\"entry ").append(i).append("\"\n");
        }
        sb.append("/ip firewall filter\n");
        sb.append("add action=accept chain=input connection-state=established,related,untracked comment=\"defconf: accept established\"\n");
        sb.append("add action=drop chain=input connection-state=invalid\n");
        sb.append("add action=accept chain=input protocol=icmp\n");
        sb.append("add action=drop chain=input in-interface-list=!LAN\n");
        sb.append("add action=accept chain=forward connection-state=established,related,untracked\n");
        sb.append("add action=drop chain=forward connection-state=invalid\n");
        for (int i = 0; i < filterRules - 7; i++) {
            switch (r.nextInt(4)) {
                case 0 -> sb.append("add action=drop chain=forward src-address-list=blocklist").append(r.nextInt(10)).append('\n');
                case 1 -> sb.append("add action=accept chain=forward in-interface=vlan").append(100 + r.nextInt(subnets))
                        .append(" out-interface-list=WAN\n");
                case 2 -> sb.append("add action=drop chain=forward protocol=tcp dst-port=").append(6000 + r.nextInt(1000))
                        .append(" in-interface-list=WAN\n");
                default -> sb.append("add action=accept chain=input protocol=tcp dst-port=").append(1000 + r.nextInt(1000))
                        .append(" src-address=").append(subnet(r.nextInt(subnets))).append(".0/24\n");
            }
        }
        sb.append("add action=drop chain=forward connection-state=new connection-nat-state=!dstnat in-interface-list=WAN\n");
        sb.append("/ip firewall nat\n");
        // per-host source addresses first, as a real export orders them: above the catch-all masquerade
        for (int i = 0; i < srcnatRules - srcnatRules / 2 - 1; i++) {
            sb.append("add action=src-nat chain=srcnat out-interface=ether1-wan src-address=").append(subnet(i % subnets))
                    .append('.').append(200 + (i / subnets) % 50).append(" to-addresses=203.0.113.").append(3 + i % 200)
                    .append('\n');
        }
        sb.append("add action=masquerade chain=srcnat comment=\"defconf: masquerade\" ipsec-policy=out,none out-interface-list=WAN\n");
        int hairpins = 0;
        for (int f = 0; f < forwards; f++) {
            int v = f % subnets;
            String target = subnet(v) + "." + (10 + (f / subnets) % 80);
            int port = 10_000 + f;
            String proto = f % 7 == 0 ? "udp" : "tcp";
            sb.append("add action=dst-nat chain=dstnat comment=\"service ").append(f).append("\" dst-address=203.0.113.2 dst-port=")
                    .append(port).append(" protocol=").append(proto).append(" to-addresses=").append(target)
                    .append(" to-ports=").append(80 + f % 5).append('\n');
            if (f % 2 == 0 && hairpins < srcnatRules / 2) {
                sb.append("add action=masquerade chain=srcnat dst-address=").append(target).append(" dst-port=").append(80 + f % 5)
                        .append(" out-interface=vlan").append(100 + v).append(" protocol=").append(proto).append(" src-address=")
                        .append(subnet(v)).append(".0/24\n");
                hairpins++;
            }
        }
        sb.append("/ip route\nadd disabled=no distance=1 dst-address=0.0.0.0/0 gateway=203.0.113.1 routing-table=main\n");
        sb.append("/ip service\nset telnet disabled=yes\nset ftp disabled=yes\n");
        sb.append("/system identity\nset name=bench-").append(label).append('\n');
        return sb.toString();
    }

    /** The i-th LAN subnet's first three octets: 10.(i/250).(i%250). */
    private static String subnet(int i) {
        return "10." + (100 + i / 250) + "." + (i % 250);
    }

    /** Writes {@code <tier>.rsc} files: {@code ConfigGenerator DIR [seed]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-configs");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Files.createDirectories(dir);
        for (Tier t : Tier.values()) {
            String text = generate(t, seed);
            Files.writeString(dir.resolve(t.name().toLowerCase(Locale.ROOT) + ".rsc"), text, StandardCharsets.UTF_8);
            System.out.println(t.name().toLowerCase(Locale.ROOT) + ": " + text.lines().count() + " lines");
        }
    }
}
