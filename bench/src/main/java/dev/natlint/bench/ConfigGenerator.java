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
 *
 * <p>Like {@code /export}, long commands are wrapped at 80 columns with a backslash and a four-space
 * indent, and every LAN has its DHCP network and static leases: that is where the lines of a real
 * office or campus export go, and the parser has to read them all.
 */
public final class ConfigGenerator {

    /** The sizes the benchmarks use. */
    public enum Tier {
        HOME(5, 2, 20, 15, 3, 45),
        OFFICE(100, 20, 1_000, 200, 40, 82),
        LARGE(1_000, 100, 50_000, 2_000, 1_000, 213);

        final int forwards;
        final int subnets;
        final int addressListEntries;
        final int filterRules;
        final int srcnatRules;
        final int leasesPerSubnet;

        Tier(int forwards, int subnets, int addressListEntries, int filterRules, int srcnatRules, int leasesPerSubnet) {
            this.forwards = forwards;
            this.subnets = subnets;
            this.addressListEntries = addressListEntries;
            this.filterRules = filterRules;
            this.srcnatRules = srcnatRules;
            this.leasesPerSubnet = leasesPerSubnet;
        }
    }

    private ConfigGenerator() {
    }

    public static String generate(Tier tier, long seed) {
        return generate(tier.name().toLowerCase(Locale.ROOT), tier.forwards, tier.subnets, tier.addressListEntries,
                tier.filterRules, tier.srcnatRules, tier.leasesPerSubnet, seed);
    }

    /** A configuration of any size without DHCP leases, for scaling series of the analysis. */
    public static String generate(String label, int forwards, int subnets, int addressListEntries, int filterRules,
                                  int srcnatRules, long seed) {
        return generate(label, forwards, subnets, addressListEntries, filterRules, srcnatRules, 0, seed);
    }

    /** A configuration of any size. */
    public static String generate(String label, int forwards, int subnets, int addressListEntries, int filterRules,
                                  int srcnatRules, int leasesPerSubnet, long seed) {
        Random r = new Random(seed);
        Export sb = new Export();
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
        sb.append("/ip dhcp-server lease\n");
        for (int v = 0; v < subnets; v++) {
            for (int h = 0; h < leasesPerSubnet; h++) {
                int host = 2 + h % 250; // servers get their static lease too
                sb.append("add address=").append(subnet(v)).append('.').append(host).append(" client-id=1:48:a9:8a:")
                        .append(hex(v >> 8)).append(':').append(hex(v)).append(':').append(hex(h)).append(" comment=\"")
                        .append(DEVICES[r.nextInt(DEVICES.length)]).append(' ').append(v).append('-').append(h)
                        .append("\" mac-address=48:A9:8A:").append(hex(v >> 8)).append(':').append(hex(v)).append(':')
                        .append(hex(h)).append(" server=dhcp").append(v).append('\n');
            }
        }
        sb.append("/ip dhcp-server network\n");
        for (int v = 0; v < subnets; v++) {
            sb.append("add address=").append(subnet(v)).append(".0/24 dns-server=").append(subnet(v)).append(".1 gateway=")
                    .append(subnet(v)).append(".1 netmask=24\n");
        }
        sb.append("/ip dns\nset allow-remote-requests=yes servers=9.9.9.9\n");
        sb.append("/ip firewall address-list\n");
        for (int i = 0; i < addressListEntries; i++) {
            // public addresses and /24s, as in an imported drop list; every 50th entry a LAN host
            if (i % 50 == 49) {
                sb.append("add address=").append(subnet(r.nextInt(subnets))).append('.').append(2 + r.nextInt(250))
                        .append(" comment=\"admin ").append(i).append("\" list=admins\n");
                continue;
            }
            int first = 23 + (i >> 16) % 150;
            sb.append("add address=").append(first == 127 ? 128 : first).append('.').append((i >> 8) & 0xFF).append('.')
                    .append(i & 0xFF).append(r.nextInt(4) == 0 ? ".0/24" : "." + (1 + r.nextInt(254)))
                    .append(" comment=\"entry ").append(i).append("\" list=blocklist").append(i % 10).append('\n');
        }
        sb.append("/ip firewall filter\n");
        sb.append("add action=accept chain=input connection-state=established,related,untracked comment=\"defconf: accept established\"\n");
        sb.append("add action=drop chain=input connection-state=invalid\n");
        sb.append("add action=accept chain=input protocol=icmp\n");
        sb.append("add action=drop chain=input in-interface-list=!LAN\n");
        sb.append("add action=accept chain=forward connection-state=established,related,untracked\n");
        sb.append("add action=drop chain=forward connection-state=invalid\n");
        int lists = Math.min(10, addressListEntries / 50);
        for (int k = 0; k < lists; k++) {
            sb.append("add action=drop chain=forward comment=\"drop list ").append(k).append("\" src-address-list=blocklist")
                    .append(k).append('\n');
        }
        // distinct rules, as a maintained firewall has: no rule repeats an earlier one
        for (int i = 0; i < filterRules - 7 - lists; i++) {
            switch (r.nextInt(4)) {
                case 0 -> sb.append("add action=accept chain=forward in-interface=vlan").append(100 + r.nextInt(subnets))
                        .append(" out-interface-list=WAN protocol=tcp dst-port=").append(1 + r.nextInt(65535)).append('\n');
                case 1 -> sb.append("add action=drop chain=forward comment=\"isolate\" in-interface=vlan")
                        .append(100 + r.nextInt(subnets)).append(" out-interface=vlan").append(100 + r.nextInt(subnets))
                        .append('\n');
                case 2 -> sb.append("add action=drop chain=forward in-interface-list=WAN protocol=tcp dst-port=")
                        .append(6000 + i).append('\n');
                default -> sb.append("add action=accept chain=input protocol=tcp dst-port=").append(1000 + i)
                        .append(r.nextInt(2) == 0 ? " src-address-list=admins" : " src-address=" + subnet(r.nextInt(subnets)) + ".0/24")
                        .append('\n');
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

    private static final String[] DEVICES = {"printer", "nas", "camera", "laptop", "phone", "ap", "desk", "tv"};

    private static String hex(int b) {
        String h = Integer.toHexString(b & 0xFF).toUpperCase(Locale.ROOT);
        return h.length() == 1 ? "0" + h : h;
    }

    /**
     * Text built command by command; a command longer than {@code /export}'s 80 columns is wrapped
     * at a space outside quotes, with a backslash and a four-space indent, as RouterOS does.
     */
    private static final class Export {
        private static final int WIDTH = 80;
        private final StringBuilder text = new StringBuilder(1 << 16);
        private final StringBuilder line = new StringBuilder(256);

        Export append(Object o) {
            String s = String.valueOf(o);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n') {
                    flush();
                } else {
                    line.append(c);
                }
            }
            return this;
        }

        private void flush() {
            int start = 0;
            String indent = "";
            while (indent.length() + line.length() - start > WIDTH - 1) {
                int cut = breakBefore(start, start + WIDTH - 1 - indent.length());
                if (cut <= start) {
                    break;
                }
                text.append(indent).append(line, start, cut).append("\\\n");
                start = cut;
                indent = "    ";
            }
            text.append(indent).append(line, start, line.length()).append('\n');
            line.setLength(0);
        }

        /** The last space outside quotes before {@code limit}: the wrapped part starts after it. */
        private int breakBefore(int start, int limit) {
            boolean quoted = false;
            int cut = -1;
            for (int i = start; i < line.length() && i < limit; i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ' ' && !quoted && i > start) {
                    cut = i + 1;
                }
            }
            return cut;
        }

        @Override
        public String toString() {
            return text.toString();
        }
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
