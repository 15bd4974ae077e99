package dev.natlint.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded random home/office routers for the kernel check: LAN subnets on a bridge, a VLAN and a plain
 * port; forwards matched by dst-address, in-interface, interface lists or dst-address-type=local;
 * specific, broad, partial, misplaced and wrong hairpin rules; default-configuration forward rules and
 * extra drops. The same seed always gives the same script.
 */
final class ScenarioGenerator {

    private ScenarioGenerator() {
    }

    static String generate(long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("# kernel-check scenario, seed " + seed + "\n");
        boolean dhcp = r.nextInt(4) == 0;
        boolean vlan = r.nextBoolean();
        boolean plainPort = r.nextInt(3) == 0;
        sb.append("/interface bridge add name=bridge\n");
        sb.append("/interface bridge port add bridge=bridge interface=ether2\n");
        sb.append("/interface bridge port add bridge=bridge interface=ether3\n");
        if (vlan) {
            sb.append("/interface vlan add interface=bridge name=vlan20 vlan-id=20\n");
        }
        sb.append("/interface list add name=WAN\n/interface list add name=LAN\n");
        sb.append("/interface list member add interface=ether1 list=WAN\n");
        sb.append("/interface list member add interface=bridge list=LAN\n");
        if (vlan) {
            sb.append("/interface list member add interface=vlan20 list=LAN\n");
        }
        if (plainPort) {
            sb.append("/interface list member add interface=ether5 list=LAN\n");
        }
        sb.append("/ip address add address=192.168.88.1/24 interface=bridge\n");
        if (vlan) {
            sb.append("/ip address add address=192.168.20.1/24 interface=vlan20\n");
        }
        if (plainPort) {
            sb.append("/ip address add address=10.5.0.1/24 interface=ether5\n");
        }
        String pub = "203.0.113.2";
        if (dhcp) {
            sb.append("/ip dhcp-client add interface=ether1\n");
        } else {
            sb.append("/ip address add address=203.0.113.2/24 interface=ether1\n/ip route add gateway=203.0.113.1\n");
        }
        List<String> subnets = new ArrayList<>(List.of("192.168.88"));
        List<String> ifaces = new ArrayList<>(List.of("bridge"));
        if (vlan) {
            subnets.add("192.168.20");
            ifaces.add("vlan20");
        }
        if (plainPort) {
            subnets.add("10.5.0");
            ifaces.add("ether5");
        }
        // forwards
        int forwards = 1 + r.nextInt(3);
        List<String[]> fw = new ArrayList<>();
        for (int i = 0; i < forwards; i++) {
            int s = r.nextInt(subnets.size());
            String target = subnets.get(s) + "." + (10 + 10 * i);
            String proto = r.nextInt(4) == 0 ? "udp" : "tcp";
            int port = new int[] {80, 443, 8080, 2222, 5000}[r.nextInt(5)] + i;
            StringBuilder f = new StringBuilder("/ip firewall nat add chain=dstnat action=dst-nat protocol=" + proto
                    + " dst-port=" + port);
            int match = r.nextInt(dhcp ? 3 : 4);
            switch (match) {
                case 0 -> f.append(" in-interface=ether1");
                case 1 -> f.append(" in-interface-list=WAN");
                case 2 -> f.append(" dst-address-type=local").append(r.nextBoolean() ? " dst-address=!192.168.88.1" : "");
                default -> f.append(" dst-address=").append(pub);
            }
            f.append(" to-addresses=").append(target);
            if (r.nextInt(3) == 0) {
                f.append(" to-ports=").append(port + 1000);
            }
            fw.add(new String[] {f.toString(), subnets.get(s), ifaces.get(s), target, proto,
                    String.valueOf(f.toString().contains("to-ports") ? port + 1000 : port)});
        }
        List<String> nat = new ArrayList<>();
        fw.forEach(f -> nat.add(f[0]));
        nat.forEach(n -> sb.append(n).append('\n'));
        // srcnat: the WAN masquerade plus a hairpin variant
        List<String> srcnat = new ArrayList<>();
        srcnat.add("/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN");
        String[] first = fw.get(0);
        switch (r.nextInt(6)) {
            case 0 -> { } // none
            case 1 -> srcnat.add("/ip firewall nat add chain=srcnat action=masquerade src-address=" + first[1]
                    + ".0/24 dst-address=" + first[3] + " protocol=" + first[4] + " dst-port=" + first[5]
                    + " out-interface=" + first[2]);
            case 2 -> srcnat.add("/ip firewall nat add chain=srcnat action=masquerade src-address=" + first[1]
                    + ".0/24 dst-address=" + first[1] + ".0/24 out-interface=" + first[2]);
            case 3 -> srcnat.add("/ip firewall nat add chain=srcnat action=masquerade src-address=" + first[1]
                    + ".0/25 dst-address=" + first[3] + " out-interface=" + first[2]);
            case 4 -> {
                srcnat.add("/ip firewall nat add chain=srcnat action=accept src-address=" + first[1]
                        + ".0/24 dst-address=" + first[1] + ".0/24");
                srcnat.add("/ip firewall nat add chain=srcnat action=masquerade src-address=" + first[1]
                        + ".0/24 dst-address=" + first[3] + " out-interface=" + first[2]);
            }
            default -> srcnat.add("/ip firewall nat add chain=srcnat action=masquerade src-address=" + first[1]
                    + ".0/24 dst-address=" + pub + " out-interface=" + first[2]); // written with the public address
        }
        srcnat.forEach(n -> sb.append(n).append('\n'));
        // filter forward: the defconf rules sometimes, plus extra drops
        List<String> filter = new ArrayList<>();
        if (r.nextBoolean()) {
            filter.add("/ip firewall filter add chain=forward action=accept connection-state=established,related,untracked");
            filter.add("/ip firewall filter add chain=forward action=drop connection-state=invalid");
            filter.add("/ip firewall filter add chain=forward action=drop connection-state=new connection-nat-state=!dstnat in-interface-list=WAN");
        }
        if (r.nextInt(3) == 0) {
            filter.add("/ip firewall filter add chain=forward action=drop in-interface=bridge out-interface=bridge");
        }
        if (vlan && r.nextInt(3) == 0) {
            List<String> iso = new ArrayList<>();
            iso.add("/ip firewall filter add chain=forward action=drop in-interface=vlan20 out-interface=bridge");
            if (r.nextBoolean()) {
                iso.add(0, "/ip firewall filter add chain=forward action=accept connection-nat-state=dstnat");
            }
            filter.addAll(iso);
        }
        if (r.nextInt(5) == 0) {
            Collections.shuffle(filter, r);
        }
        filter.forEach(n -> sb.append(n).append('\n'));
        return sb.toString();
    }
}
