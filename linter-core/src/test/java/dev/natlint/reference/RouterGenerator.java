package dev.natlint.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random home and small-office routers, reproducible from a seed: one or two uplinks (static address,
 * DHCP client or PPPoE client), a bridge LAN with VLANs and a plain port LAN, LAN routers with static routes,
 * blackholes, port forwards with single, listed and ranged ports, address and port ranges as targets, hairpin
 * masquerades present, absent, disabled or shadowed, forward drops with and without
 * {@code connection-nat-state=!dstnat}, and matchers natlint does not model. Besides the script it returns
 * what a tester knows of the network it wrote, so that clients can be chosen without asking natlint.
 */
public final class RouterGenerator {

    /** A LAN subnet behind {@code iface}, with the router's address on it. */
    public record Lan(String iface, long network, int prefix, long router) {
        public long broadcast() {
            return network | (~PacketFlowOracle.mask(prefix) & 0xFFFFFFFFL);
        }
    }

    /**
     * An uplink: {@code iface} is the L3 interface internet clients come in on; {@code address} its static
     * address (-1 when it is learned at run time), {@code generic} the lease the tester assumes then.
     */
    public record Uplink(String iface, String kind, long address, int prefix, PacketFlowOracle.Lease generic) {
        public boolean dynamic() {
            return address < 0;
        }
    }

    /** A generated router: its script and what the tester knows of it. */
    public record Router(String script, List<Lan> lans, List<Uplink> uplinks,
                         Map<String, List<PacketFlowOracle.Lease>> leaseCandidates) {
    }

    private final Random r;
    private final StringBuilder sb = new StringBuilder();
    private final List<Lan> lans = new ArrayList<>();
    private final List<Uplink> uplinks = new ArrayList<>();
    private final List<String> forwardPublic = new ArrayList<>();
    /** Forward targets: {host, "to-ports to use in a hairpin rule"}. */
    private final List<String> targets = new ArrayList<>();
    private String lanRouterNet;

    private RouterGenerator(long seed) {
        this.r = new Random(seed);
    }

    public static Router generate(long seed) {
        return new RouterGenerator(seed).build();
    }

    /**
     * The router of {@link #generate(long)} with mangle rules and mark matchers added (drawn from a random of
     * their own, so the router is the same one): mangle prerouting, forward and postrouting rules and a custom
     * chain reached by a jump, that mark connections, packets and now and then routes on varied matchers
     * (interfaces, addresses, lists, ports, connection state and NAT state, earlier marks, unmodelled ones),
     * some with {@code passthrough=no}, some after an {@code accept} or {@code return}; and filter forward,
     * srcnat and dstnat rules that match connection, packet and routing marks, set ones and ones nothing sets,
     * negated and {@code no-mark}, including a forward only for marked connections.
     */
    public static Router generateWithMarks(long seed) {
        Router plain = generate(seed);
        Random r = new Random(seed * 1_000_003L + 11);
        List<String> lines = new ArrayList<>(List.of(plain.script().split("\n")));
        List<String> lanIfaces = plain.lans().stream().map(Lan::iface).distinct().toList();
        List<String> lanNets = plain.lans().stream().map(l -> PacketFlowOracle.fmt(l.network())).toList();
        String uplink = plain.uplinks().get(0).iface();
        List<String> mangle = new ArrayList<>();
        boolean custom = r.nextInt(3) == 0;
        if (custom) {
            mangle.add("/ip firewall mangle add chain=" + pick(r, "prerouting", "prerouting", "forward", "postrouting")
                    + " action=jump jump-target=mk" + pick(r, "", "", " connection-state=new", " protocol=tcp"));
            if (r.nextInt(3) == 0) {
                mangle.add("/ip firewall mangle add chain=mk action=" + pick(r, "return", "accept") + " "
                        + pick(r, "protocol=udp", "src-address=" + lanNets.get(0) + "/25", "connection-state=established"));
            }
        }
        int rules = 1 + r.nextInt(5);
        for (int i = 0; i < rules; i++) {
            String chain = custom && r.nextInt(3) == 0 ? "mk" : pick(r, "prerouting", "prerouting", "forward", "postrouting");
            int kind = r.nextInt(12);
            if (kind == 11) {
                // a routing mark only where it can route: before the routing decision
                chain = "prerouting";
            }
            StringBuilder m = new StringBuilder("/ip firewall mangle add chain=" + chain);
            if (kind < 7) {
                m.append(" action=mark-connection new-connection-mark=").append(pick(r, "cm1", "cm1", "cm2", "no-mark"));
            } else if (kind < 11) {
                m.append(" action=mark-packet new-packet-mark=").append(pick(r, "pm1", "pm1", "pm2", "no-mark"));
            } else {
                m.append(" action=mark-routing new-routing-mark=rt1");
            }
            if (r.nextInt(3) == 0) {
                m.append(" passthrough=").append(pick(r, "no", "no", "yes"));
            }
            List<String> matchers = new ArrayList<>(List.of(
                    "in-interface=" + pick(r, uplink, pick(r, lanIfaces)),
                    "in-interface-list=" + pick(r, "WAN", "LAN", "!LAN"),
                    "src-address=" + pick(r, lanNets) + pick(r, "/24", "/25"),
                    "src-address=" + pick(r, "198.51.100.0/24", "8.8.4.4", "!192.168.88.0/24"),
                    "src-address-list=" + pick(r, "lan-clients", "!lan-clients"),
                    "dst-address-list=servers",
                    "protocol=" + pick(r, "tcp", "udp") + " dst-port=" + pick(r, "80", "9000-9010", "2222", "8080", "9005"),
                    "connection-state=" + pick(r, "new", "new", "established"),
                    "connection-mark=" + pick(r, "cm1", "no-mark", "!cm2"),
                    "packet-mark=" + pick(r, "pm1", "no-mark"),
                    "dst-address-type=" + pick(r, "local", "!local")));
            if (!chain.equals("prerouting")) {
                matchers.add("connection-nat-state=" + pick(r, "dstnat", "!dstnat", "srcnat"));
                if (!chain.equals("mk")) {
                    matchers.add("out-interface=" + pick(r, uplink, pick(r, lanIfaces)));
                    matchers.add("out-interface-list=" + pick(r, "WAN", "LAN"));
                }
            }
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                m.append(' ').append(matchers.remove(r.nextInt(matchers.size())));
            }
            m.append(r.nextInt(10) == 0 ? " time=8h-17h,mon,tue,wed,thu,fri" : "");
            mangle.add(m.toString());
        }
        if (r.nextInt(6) == 0) {
            mangle.add(r.nextInt(mangle.size() + 1), "/ip firewall mangle add chain=" + pick(r, "prerouting", "forward")
                    + " action=" + pick(r, "accept", "passthrough", "log") + " " + pick(r, "in-interface=" + uplink,
                    "protocol=udp", "src-address=" + lanNets.get(0) + "/25"));
        }
        lines.addAll(mangle);
        int matching = 1 + r.nextInt(3);
        for (int i = 0; i < matching; i++) {
            String mark = switch (r.nextInt(8)) {
                case 0, 1, 2, 3 -> "connection-mark=" + pick(r, "cm1", "cm1", "cm2", "!cm1", "no-mark", "!no-mark", "ghost", "!ghost");
                case 4, 5, 6 -> "packet-mark=" + pick(r, "pm1", "pm2", "!pm1", "no-mark", "ghostp");
                default -> "routing-mark=" + pick(r, "rt1", "!rt1", "no-mark", "ghostr");
            };
            String narrower = pick(r, "", " connection-state=new", " connection-state=established", " in-interface-list=WAN",
                    " in-interface=" + pick(r, lanIfaces), " protocol=tcp dst-port=" + pick(r, "80", "8080", "9005"));
            switch (r.nextInt(8)) {
                case 0, 1, 2, 3 -> insertAmong(lines, "/ip firewall filter add chain=forward", r,
                        "/ip firewall filter add chain=forward action=" + pick(r, "drop", "drop", "accept") + " " + mark + narrower);
                case 4 -> insertAmong(lines, "/ip firewall nat add chain=srcnat", r, "/ip firewall nat add chain=srcnat"
                        + " action=masquerade " + mark + " out-interface=" + pick(r, lanIfaces));
                case 5 -> insertAmong(lines, "/ip firewall nat add chain=srcnat", r, "/ip firewall nat add chain=srcnat"
                        + " action=accept " + mark + (narrower.contains("in-interface") ? "" : narrower));
                case 6 -> insertAmong(lines, "/ip firewall nat add chain=dstnat", r, "/ip firewall nat add chain=dstnat"
                        + " action=accept " + mark + narrower);
                default -> insertAmong(lines, "/ip firewall nat add chain=dstnat", r, "/ip firewall nat add chain=dstnat"
                        + " action=dst-nat " + mark + " protocol=tcp dst-port=8443 to-addresses="
                        + PacketFlowOracle.fmt(plain.lans().get(0).network() + 10));
            }
        }
        return new Router(String.join("\n", lines) + "\n", plain.lans(), plain.uplinks(), plain.leaseCandidates());
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static String pick(Random r, List<String> options) {
        return options.get(r.nextInt(options.size()));
    }

    /** Adds {@code rule} at a random place among the lines starting with {@code prefix} (after them all, or at the end). */
    private static void insertAmong(List<String> lines, String prefix, Random r, String rule) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            lines.add(rule);
            return;
        }
        int k = r.nextInt(at.size() + 1);
        lines.add(k == at.size() ? at.get(at.size() - 1) + 1 : at.get(k), rule);
    }

    private static final long STATIC1 = PacketFlowOracle.addr("203.0.113.2");
    private static final long STATIC2 = PacketFlowOracle.addr("192.0.2.2");
    /** A public address on no interface of the router and on no uplink subnet. */
    public static final long FOREIGN = PacketFlowOracle.addr("198.51.100.77");
    /** A public address on the first static uplink's subnet that the router no longer has. */
    public static final long STALE = PacketFlowOracle.addr("203.0.113.50");

    private Router build() {
        line("/interface bridge add name=bridge");
        line("/interface bridge port add bridge=bridge interface=ether2");
        line("/interface bridge port add bridge=bridge interface=ether3");
        line("/interface list add name=WAN");
        line("/interface list add name=LAN");
        // uplinks
        int count = r.nextInt(100) < 35 ? 2 : 1;
        String[] kinds = {"static", "dhcp", "pppoe"};
        int firstDistance = 1 + r.nextInt(2);
        int secondDistance = firstDistance + 1 + r.nextInt(3);
        if (r.nextBoolean()) {
            int t = firstDistance;
            firstDistance = secondDistance;
            secondDistance = t;
        }
        for (int k = 0; k < count; k++) {
            String kind = kinds[r.nextInt(kinds.length)];
            String port = k == 0 ? "ether1" : "ether5";
            int distance = k == 0 ? firstDistance : secondDistance;
            String dist = count > 1 || r.nextInt(4) == 0 ? " distance=" + distance : "";
            switch (kind) {
                case "static" -> {
                    boolean first = uplinks.stream().noneMatch(u -> u.address() == STATIC1);
                    long a = first ? STATIC1 : STATIC2;
                    line("/ip address add address=" + PacketFlowOracle.fmt(a) + "/24 interface=" + port);
                    // now and then the default route is forgotten (docs: a router needs one to answer the internet)
                    if (count > 1 || r.nextInt(12) != 0) {
                        line("/ip route add gateway=" + PacketFlowOracle.fmt(a - 1) + dist);
                    }
                    line("/interface list member add interface=" + port + " list=WAN");
                    uplinks.add(new Uplink(port, kind, a, 24, null));
                }
                case "dhcp" -> {
                    line("/ip dhcp-client add interface=" + port
                            + (dist.isEmpty() ? "" : " default-route-distance=" + distance)
                            + (count == 1 && r.nextInt(12) == 0 ? " add-default-route=no" : ""));
                    line("/interface list member add interface=" + port + " list=WAN");
                    long lease = PacketFlowOracle.addr("198.18." + (10 + k) + ".2");
                    uplinks.add(new Uplink(port, kind, -1, 24, new PacketFlowOracle.Lease(lease, 24, lease - 1)));
                }
                default -> {
                    String name = "pppoe-out" + (k + 1);
                    line("/interface pppoe-client add interface=" + port + " name=" + name + " user=isp"
                            + " add-default-route=yes" + (dist.isEmpty() ? "" : " default-route-distance=" + distance));
                    // the classic mistake (docs 5.4.2): the Ethernet port in WAN instead of the PPPoE interface
                    line("/interface list member add interface=" + (r.nextInt(6) == 0 ? port : name) + " list=WAN");
                    long lease = PacketFlowOracle.addr("198.19." + (10 + k) + ".7");
                    long peer = PacketFlowOracle.addr("198.19." + (10 + k) + ".1");
                    uplinks.add(new Uplink(name, kind, -1, 32, new PacketFlowOracle.Lease(lease, 32, peer)));
                }
            }
        }
        // LANs
        lan("bridge", "192.168.88.1", true);
        if (r.nextInt(4) == 0) {
            lan("bridge", "10.9.9.1", false);
        }
        if (r.nextBoolean()) {
            line("/interface vlan add interface=bridge name=vlan20 vlan-id=20");
            lan("vlan20", "192.168.20.1", r.nextInt(5) > 0);
        }
        if (r.nextInt(3) == 0) {
            line("/interface vlan add interface=bridge name=vlan30 vlan-id=30");
            lan("vlan30", "10.30.0.1", r.nextInt(5) > 0);
        }
        if (r.nextInt(3) == 0) {
            lan("ether4", "172.16.4.1", r.nextInt(5) > 0);
        }
        if (r.nextInt(5) < 2) {
            Lan on = lans.get(r.nextInt(lans.size()));
            lanRouterNet = "10.50.0.0/24";
            line("/ip route add dst-address=10.50.0.0/24 gateway=" + PacketFlowOracle.fmt(on.network() + 254));
        }
        boolean blackhole = r.nextInt(5) == 0;
        if (blackhole) {
            line("/ip route add dst-address=10.66.0.0/16 blackhole");
        }
        line("/ip firewall address-list add list=lan-clients address=192.168.88.0/25");
        line("/ip firewall address-list add list=servers address=192.168.88.8-192.168.88.15");
        Uplink firstStatic = uplinks.stream().filter(u -> !u.dynamic()).findFirst().orElse(null);
        if (firstStatic != null && r.nextBoolean()) {
            line("/ip firewall address-list add list=wanip address=" + PacketFlowOracle.fmt(firstStatic.address()));
        }
        if (r.nextInt(3) == 0) {
            line("/ip firewall address-list add list=wanip address=hc0123456789.sn.mynetname.net");
        }
        nat(firstStatic, blackhole);
        filter();
        Map<String, List<PacketFlowOracle.Lease>> leases = new LinkedHashMap<>();
        for (Uplink u : uplinks) {
            if (u.dynamic()) {
                List<PacketFlowOracle.Lease> options = new ArrayList<>();
                options.add(u.generic());
                // the address a forward was written for may be the one the uplink has now
                if (forwardPublic.contains(PacketFlowOracle.fmt(FOREIGN))) {
                    options.add(new PacketFlowOracle.Lease(FOREIGN, 32, FOREIGN + 1));
                }
                leases.put(u.iface(), options);
            }
        }
        return new Router(sb.toString(), List.copyOf(lans), List.copyOf(uplinks), leases);
    }

    private void lan(String iface, String router, boolean inLanList) {
        long a = PacketFlowOracle.addr(router);
        line("/ip address add address=" + router + "/24 interface=" + iface);
        if (inLanList && lans.stream().noneMatch(l -> l.iface().equals(iface))) {
            line("/interface list member add interface=" + iface + " list=LAN");
        }
        lans.add(new Lan(iface, a & PacketFlowOracle.mask(24), 24, a));
    }

    private void nat(Uplink firstStatic, boolean blackhole) {
        List<String> dstnat = new ArrayList<>();
        int forwards = 1 + r.nextInt(3);
        boolean useChain = r.nextInt(5) == 0;
        for (int i = 0; i < forwards; i++) {
            StringBuilder f = new StringBuilder();
            String chain = useChain && i > 0 ? "fwd" : "dstnat";
            f.append("/ip firewall nat add chain=").append(chain).append(" action=dst-nat");
            List<String> pub = new ArrayList<>(List.of("", "", " dst-address-type=local",
                    " dst-address-type=local dst-address=!192.168.88.1", " dst-address-list=wanip",
                    " dst-address=" + PacketFlowOracle.fmt(FOREIGN)));
            if (firstStatic != null) {
                pub.add(" dst-address=" + PacketFlowOracle.fmt(firstStatic.address()));
                pub.add(" dst-address=" + PacketFlowOracle.fmt(firstStatic.address()));
                if (firstStatic.address() == STATIC1) {
                    pub.add(" dst-address=" + PacketFlowOracle.fmt(STALE));
                }
            }
            String p = pub.get(r.nextInt(pub.size()));
            if (p.startsWith(" dst-address=") && !p.contains("!")) {
                forwardPublic.add(p.substring(" dst-address=".length()));
            }
            f.append(p);
            f.append(one("", "", "", " in-interface=" + uplinks.get(0).iface(), " in-interface-list=WAN",
                    " in-interface-list=!LAN", " in-interface=bridge"));
            f.append(one("", "", "", "", " src-address=!192.168.20.0/24", " src-address-list=lan-clients",
                    " src-address-list=!lan-clients"));
            String proto = one("tcp", "tcp", "udp");
            f.append(" protocol=").append(proto);
            f.append(one(" dst-port=80", " dst-port=80,443", " dst-port=8000-8003", " dst-port=9000-9010",
                    " dst-port=2222", " dst-port=9005", ""));
            String host = target(blackhole);
            f.append(" to-addresses=").append(host);
            String toPorts = one("", "", "", " to-ports=8080", " to-ports=9000-9010", " to-ports=9100-9102");
            f.append(toPorts);
            f.append(unmodelled(8));
            targets.add(host + "|" + (toPorts.isEmpty() ? "" : toPorts.substring(" to-ports=".length())) + "|" + proto);
            dstnat.add(f.toString());
            if (r.nextInt(8) == 0) {
                // the same port to another server for LAN clients only
                dstnat.add("/ip firewall nat add chain=dstnat action=dst-nat in-interface=bridge protocol=" + proto
                        + " to-addresses=192.168.88.99");
            }
        }
        if (r.nextInt(6) == 0) {
            dstnat.add(r.nextInt(dstnat.size() + 1), "/ip firewall nat add chain=dstnat action=accept protocol=tcp"
                    + " src-address=192.168.88.0/25");
        }
        if (r.nextInt(8) == 0) {
            dstnat.add(r.nextInt(dstnat.size() + 1), "/ip firewall nat add chain=dstnat action=redirect protocol=tcp"
                    + " dst-port=8000-8003 to-ports=8080 in-interface=bridge");
        }
        if (r.nextInt(10) == 0) {
            dstnat.add(r.nextInt(dstnat.size() + 1), "/ip firewall nat add chain=dstnat action=netmap protocol=tcp"
                    + " dst-port=2222 to-addresses=192.168.88.22");
        }
        if (useChain) {
            dstnat.add("/ip firewall nat add chain=dstnat action=jump jump-target=fwd"
                    + one("", " in-interface-list=WAN", " protocol=tcp", " dst-address-type=local"));
            if (r.nextBoolean()) {
                dstnat.add("/ip firewall nat add chain=fwd action=return src-address=192.168.20.0/24");
            }
        }
        dstnat.forEach(this::line);
        // srcnat
        List<String> srcnat = new ArrayList<>();
        if (r.nextInt(10) < 7) {
            // now and then the WAN masquerade covers the LAN only, as some hand-written configs do
            srcnat.add("/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN"
                    + one("", "", " ipsec-policy=out,none", " src-address=192.168.0.0/16"));
        } else {
            for (Uplink u : uplinks) {
                srcnat.add("/ip firewall nat add chain=srcnat action=masquerade out-interface=" + u.iface());
            }
        }
        int hairpins = r.nextInt(3);
        for (int i = 0; i < hairpins; i++) {
            String[] t = targets.get(r.nextInt(targets.size())).split("\\|", -1);
            Lan lan = lans.get(r.nextInt(lans.size()));
            String lanNet = PacketFlowOracle.fmt(lan.network()) + "/24";
            String dst = one(" dst-address=" + t[0], " dst-address=" + lanNet, " dst-address=192.168.88.0/24");
            String port = t[1].isEmpty() ? "" : " protocol=" + t[2] + " dst-port=" + t[1];
            srcnat.add("/ip firewall nat add chain=srcnat action=masquerade"
                    + one(" src-address=" + lanNet, " src-address=192.168.88.0/24", " src-address=192.168.88.0/25", "")
                    + dst + one(" out-interface=" + lan.iface(), " out-interface=bridge", " out-interface-list=LAN")
                    + one("", "", port, " protocol=udp") + unmodelled(12) + (r.nextInt(7) == 0 ? " disabled=yes" : ""));
        }
        if (r.nextInt(4) == 0) {
            srcnat.add("/ip firewall nat add chain=srcnat action=accept src-address=192.168.88.0/24"
                    + " dst-address=192.168.88.0/24");
        }
        if (r.nextInt(6) == 0) {
            srcnat.add("/ip firewall nat add chain=srcnat action=src-nat to-addresses=192.168.88.1"
                    + " src-address=192.168.20.0/24 out-interface=bridge");
        }
        Collections.shuffle(srcnat, r);
        if (r.nextInt(8) == 0) {
            srcnat.add(r.nextInt(srcnat.size() + 1), "/ip firewall nat add chain=srcnat action=jump jump-target=nonat"
                    + " src-address=192.168.88.0/24");
            srcnat.add("/ip firewall nat add chain=nonat action=accept dst-address="
                    + one("192.168.88.0/24", "10.50.0.0/24", "192.168.20.0/24"));
        }
        srcnat.forEach(this::line);
    }

    private String target(boolean blackhole) {
        List<String> options = new ArrayList<>();
        for (Lan l : lans) {
            options.add(PacketFlowOracle.fmt(l.network() + 10));
            options.add(PacketFlowOracle.fmt(l.network() + 10));
        }
        Lan first = lans.get(0);
        options.add(PacketFlowOracle.fmt(first.network() + 10) + "-" + PacketFlowOracle.fmt(first.network() + 12));
        Lan last = lans.get(lans.size() - 1);
        options.add(PacketFlowOracle.fmt(last.network() + 20) + "-" + PacketFlowOracle.fmt(last.network() + 21));
        options.add("10.99.0.5");
        options.add(PacketFlowOracle.fmt(first.router()));
        // a host at another site, beyond the uplinks
        options.add("198.51.100.20");
        if (lanRouterNet != null) {
            options.add("10.50.0.10");
            options.add("10.50.0.10");
        }
        if (blackhole) {
            options.add("10.66.1.1");
        }
        return options.get(r.nextInt(options.size()));
    }

    private void filter() {
        List<String> rules = new ArrayList<>();
        String[] candidates = {
            "action=fasttrack-connection connection-state=established,related",
            "action=accept connection-state=established,related,untracked",
            "action=drop connection-state=invalid",
            "action=drop connection-state=new connection-nat-state=!dstnat in-interface-list=WAN",
            "action=drop in-interface-list=LAN out-interface-list=LAN",
            "action=drop in-interface-list=LAN out-interface-list=LAN connection-nat-state=!dstnat",
            "action=drop in-interface=vlan20 out-interface=bridge",
            "action=drop in-interface=bridge out-interface=bridge",
            "action=drop connection-state=new protocol=tcp dst-port=9005",
            "action=drop protocol=tcp dst-port=8080 dst-address=192.168.88.10",
            "action=accept connection-nat-state=dstnat",
            "action=reject out-interface=vlan20 protocol=udp",
            "action=drop protocol=tcp dst-port=80,8080 time=0s-7h,sat,sun",
            "action=drop in-interface=vlan20 out-interface-list=LAN",
            "action=jump jump-target=lanfw in-interface=vlan20",
        };
        for (String c : candidates) {
            if (r.nextInt(4) == 0) {
                rules.add("/ip firewall filter add chain=forward " + c);
            }
        }
        Collections.shuffle(rules, r);
        if (rules.stream().anyMatch(x -> x.contains("jump-target=lanfw"))) {
            rules.add("/ip firewall filter add chain=lanfw action=return connection-state=established,related");
            rules.add("/ip firewall filter add chain=lanfw action=drop out-interface=bridge src-address=192.168.20.0/25"
                    + unmodelled(4));
        }
        if (r.nextInt(6) == 0) {
            rules.add("/ip firewall filter add chain=forward action=accept in-interface-list=LAN");
            rules.add("/ip firewall filter add chain=forward action=accept connection-state=established,related");
            rules.add("/ip firewall filter add chain=forward action=drop");
        }
        rules.forEach(this::line);
    }

    /** Now and then a matcher natlint does not model (the oracle leaves its outcome open). */
    private String unmodelled(int oneIn) {
        if (r.nextInt(oneIn) != 0) {
            return "";
        }
        return one(" time=8h-17h,mon,tue,wed,thu,fri", " limit=10,5:packet", " src-mac-address=AA:BB:CC:00:00:01",
                " connection-limit=100,32", " nth=2,1", " layer7-protocol=web", " random=50");
    }

    private String one(String... options) {
        return options[r.nextInt(options.length)];
    }

    private void line(String s) {
        sb.append(s).append('\n');
    }
}
