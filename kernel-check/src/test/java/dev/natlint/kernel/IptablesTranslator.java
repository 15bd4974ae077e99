package dev.natlint.kernel;

import dev.natlint.net.IntervalSet;
import dev.natlint.model.AddressListEntry;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.net.Cidrs;
import dev.natlint.net.Ipv4;
import dev.natlint.net.Ports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Translates a configuration's NAT and filter rules into an {@code iptables-restore} ruleset, one to one
 * and in order. The mapping (documented in kernel-check/README.md):
 * <ul>
 * <li>chains: NAT dstnat → PREROUTING, srcnat → POSTROUTING; filter forward/input/output → FORWARD/INPUT/OUTPUT;
 *   mangle prerouting/input/forward/output/postrouting → the mangle table's chains of the same names; custom
 *   chains → user chains</li>
 * <li>addresses {@code -s/-d} (ranges via iprange), address lists and interface lists expanded into one rule
 *   per disjoint member (their negations into the complement's members, for interface lists), protocol,
 *   ports via multiport, {@code -i/-o}, {@code dst-address-type=local} as addrtype LOCAL, connection-state and
 *   connection-nat-state via conntrack, {@code ipsec-policy=*,none} as always true</li>
 * <li>marks: a connection mark is the conntrack mark ({@code -m connmark}, {@code CONNMARK}), which conntrack
 *   shows on every packet of the connection, replies included; packet and routing marks share the packet's
 *   nfmark in disjoint bits ({@link #PACKET_BITS}, {@link #ROUTING_BITS}) so setting one keeps the other;
 *   {@code no-mark} is 0 in the kind's bits</li>
 * <li>actions: accept, drop, reject, dst-nat (DNAT), src-nat (SNAT), masquerade, redirect, jump, return,
 *   mark-connection, mark-packet, mark-routing; passthrough, log, add-*-to-address-list and
 *   fasttrack-connection are left out (they never decide)</li>
 * </ul>
 * Anything else throws {@link NotEmulated} with the reason: nothing is silently approximated.
 */
final class IptablesTranslator {

    static final class NotEmulated extends Exception {
        NotEmulated(String reason) {
            super(reason);
        }
    }

    private static final Set<String> SKIPPED_ACTIONS = Set.of("passthrough", "log", "add-src-to-address-list",
            "add-dst-to-address-list", "fasttrack-connection");

    private final RouterConfig config;
    /** Interfaces that exist in the emulated router (besides lo). */
    private final Set<String> routerInterfaces;
    private final Map<String, String> chainNames = new LinkedHashMap<>();
    /** Rules of the per-rule chains of {@code passthrough=no} marks, added after the table's own rules. */
    private final List<String> markThenAccept = new ArrayList<>();

    /** The nfmark bits that carry the routing mark (the ip rules select tables by them). */
    static final int ROUTING_BITS = 0x00FF;
    /** The nfmark bits that carry the packet mark. */
    static final int PACKET_BITS = 0xFF00;

    IptablesTranslator(RouterConfig config, Set<String> routerInterfaces) {
        this.config = config;
        this.routerInterfaces = new TreeSet<>(routerInterfaces);
        this.routerInterfaces.add("lo");
    }

    String ruleset() throws NotEmulated {
        // raw rules natlint reports as not-analysed, so a config with them is no scenario to compare on;
        // mangle is emulated: connection marks (CONNMARK), packet and routing marks (MARK, an ip rule per table)
        if (config.rules(Table.RAW).stream().anyMatch(r -> !r.disabled())) {
            throw new NotEmulated(Table.RAW.menu() + " rules are not emulated");
        }
        StringBuilder sb = new StringBuilder();
        if (config.rules(Table.MANGLE).stream().anyMatch(r -> !r.disabled())) {
            sb.append(table("mangle", Table.MANGLE, Map.of("prerouting", "PREROUTING", "input", "INPUT",
                    "forward", "FORWARD", "output", "OUTPUT", "postrouting", "POSTROUTING"),
                    List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING")));
        }
        sb.append(table("nat", Table.NAT, Map.of("dstnat", "PREROUTING", "srcnat", "POSTROUTING"),
                List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING")));
        sb.append(table("filter", Table.FILTER, Map.of("forward", "FORWARD", "input", "INPUT", "output", "OUTPUT"),
                List.of("INPUT", "FORWARD", "OUTPUT")));
        return sb.toString();
    }

    private String table(String name, Table table, Map<String, String> builtins, List<String> builtinOrder) throws NotEmulated {
        chainNames.clear();
        markThenAccept.clear();
        builtins.forEach(chainNames::put);
        List<String> lines = new ArrayList<>();
        for (FirewallRule r : config.rules(table)) {
            if (r.disabled() || SKIPPED_ACTIONS.contains(r.action())) {
                continue;
            }
            String chain = chain(r.chain());
            lines.addAll(rule(table, chain, r));
        }
        StringBuilder sb = new StringBuilder("*" + name + "\n");
        for (String b : builtinOrder) {
            sb.append(':').append(b).append(" ACCEPT [0:0]\n");
        }
        for (String custom : chainNames.values()) {
            if (!builtinOrder.contains(custom)) {
                sb.append(':').append(custom).append(" - [0:0]\n");
            }
        }
        lines.forEach(l -> sb.append(l).append('\n'));
        markThenAccept.forEach(l -> sb.append(l).append('\n'));
        return sb.append("COMMIT\n").toString();
    }

    private String chain(String routerOs) throws NotEmulated {
        String existing = chainNames.get(routerOs);
        if (existing != null) {
            return existing;
        }
        if (Set.of("prerouting", "postrouting", "input", "output", "forward", "dstnat", "srcnat").contains(routerOs)) {
            throw new NotEmulated("chain " + routerOs + " has no iptables counterpart in this table");
        }
        String name = "C" + chainNames.size() + "_" + routerOs.replaceAll("[^A-Za-z0-9_-]", "_");
        name = name.length() > 28 ? name.substring(0, 28) : name;
        chainNames.put(routerOs, name);
        return name;
    }

    /** One RouterOS rule as one or more iptables rules (expanded lists). */
    private List<String> rule(Table table, String chain, FirewallRule r) throws NotEmulated {
        List<List<String>> alternatives = new ArrayList<>();
        alternatives.add(new ArrayList<>());
        // -p before -m multiport, which iptables requires, whatever order the script wrote them in
        List<Map.Entry<String, String>> props = new ArrayList<>(r.properties().entrySet());
        props.sort(java.util.Comparator.comparing(e -> !e.getKey().equals("protocol")));
        for (Map.Entry<String, String> e : props) {
            String key = e.getKey();
            String written = e.getValue();
            boolean neg = written.startsWith("!");
            String v = neg ? written.substring(1) : written;
            String not = neg ? "! " : "";
            switch (key) {
                case "src-address", "dst-address" -> {
                    String flag = key.startsWith("src") ? "src" : "dst";
                    if (v.contains("-")) {
                        add(alternatives, not.isEmpty() ? "-m iprange --" + flag + "-range " + v
                                : "-m iprange ! --" + flag + "-range " + v);
                    } else {
                        Ipv4.parsePrefix(v).orElseThrow(() -> new NotEmulated("bad address " + v));
                        add(alternatives, not + (flag.equals("src") ? "-s " : "-d ") + v);
                    }
                }
                case "src-address-list", "dst-address-list" -> {
                    if (neg) {
                        throw new NotEmulated(key + "=" + written + ": negated address lists are not emulated");
                    }
                    IntervalSet members = IntervalSet.empty();
                    for (AddressListEntry a : config.addressList(v)) {
                        members = members.union(Ipv4.parseAddressSpec(a.address())
                                .orElseThrow(() -> new NotEmulated("address list entry " + a.address())));
                    }
                    List<String> options = new ArrayList<>();
                    // -s/-d take one address per rule: beside a src-address/dst-address the list is iprange's
                    boolean plainToo = r.has(key.startsWith("src") ? "src-address" : "dst-address");
                    for (int i = 0; i < members.intervalCount(); i++) {
                        if (plainToo) {
                            options.add("-m iprange --" + (key.startsWith("src") ? "src" : "dst") + "-range "
                                    + Ipv4.format(members.lo(i)) + "-" + Ipv4.format(members.hi(i)));
                            continue;
                        }
                        for (String p : Cidrs.prefixes(members.lo(i), members.hi(i))) {
                            options.add((key.startsWith("src") ? "-s " : "-d ") + p);
                        }
                    }
                    alternatives = expand(alternatives, options);
                }
                case "protocol" -> add(alternatives, not + "-p " + protocol(v));
                case "dst-port", "src-port", "port" -> {
                    IntervalSet ports = Ports.parse(v).orElseThrow(() -> new NotEmulated("bad ports " + v));
                    String p = r.get("protocol").orElseThrow(() -> new NotEmulated(key + " without protocol"));
                    if (!p.equals("tcp") && !p.equals("udp")) {
                        throw new NotEmulated(key + " with protocol " + p);
                    }
                    String opt = key.equals("dst-port") ? "--dports" : key.equals("src-port") ? "--sports" : "--ports";
                    add(alternatives, "-m multiport " + not + opt + " " + Ports.format(ports).replace('-', ':'));
                }
                case "in-interface", "out-interface" -> {
                    if (table == Table.NAT && key.equals("out-interface") && r.chain().equals("dstnat")) {
                        return List.of(); // can never match before routing
                    }
                    if (table == Table.NAT && key.equals("in-interface") && r.chain().equals("srcnat")) {
                        throw new NotEmulated("in-interface in srcnat (netfilter forbids -i in POSTROUTING)");
                    }
                    mangleInterface(table, r, key, neg);
                    add(alternatives, not + (key.startsWith("in") ? "-i " : "-o ") + linuxName(v));
                }
                case "in-interface-list", "out-interface-list" -> {
                    if (table == Table.NAT && key.startsWith("out") && r.chain().equals("dstnat")) {
                        return List.of();
                    }
                    if (table == Table.NAT && key.startsWith("in") && r.chain().equals("srcnat")) {
                        throw new NotEmulated("in-interface-list in srcnat");
                    }
                    mangleInterface(table, r, key, neg);
                    Set<String> members = new TreeSet<>(config.interfaceListMembers(v));
                    members.retainAll(routerInterfaces);
                    if (neg) {
                        Set<String> complement = new TreeSet<>(routerInterfaces);
                        complement.removeAll(config.interfaceListMembers(v));
                        members = complement;
                    }
                    List<String> options = new ArrayList<>();
                    for (String m : members) {
                        options.add((key.startsWith("in") ? "-i " : "-o ") + m);
                    }
                    alternatives = expand(alternatives, options);
                }
                case "dst-address-type" -> {
                    if (!v.equals("local")) {
                        throw new NotEmulated("dst-address-type=" + v);
                    }
                    add(alternatives, "-m addrtype " + not + "--dst-type LOCAL");
                }
                case "connection-mark" -> add(alternatives, "-m connmark " + not + "--mark " + connectionMark(v));
                case "packet-mark" -> add(alternatives, "-m mark " + not + "--mark " + hex(packetMark(v)) + "/"
                        + hex(PACKET_BITS));
                case "routing-mark" -> add(alternatives, "-m mark " + not + "--mark " + hex(routingMark(v)) + "/"
                        + hex(ROUTING_BITS));
                case "new-connection-mark", "new-packet-mark", "new-routing-mark", "passthrough" -> {
                    if (table != Table.MANGLE) {
                        throw new NotEmulated(key + " outside mangle");
                    }
                }
                case "connection-state" -> add(alternatives, "-m conntrack " + not + "--ctstate "
                        + v.toUpperCase(Locale.ROOT));
                case "connection-nat-state" -> add(alternatives, "-m conntrack " + not + "--ctstate "
                        + v.replace("dstnat", "DNAT").replace("srcnat", "SNAT"));
                case "ipsec-policy" -> {
                    if (!(v.equals("out,none") || v.equals("in,none")) || neg) {
                        throw new NotEmulated("ipsec-policy=" + written);
                    }
                }
                case "to-addresses", "to-ports", "jump-target", "log", "log-prefix", "reject-with" -> { }
                default -> throw new NotEmulated("matcher " + key + "=" + written + " is outside the emulated subset");
            }
        }
        String target = target(table, r);
        List<String> out = new ArrayList<>();
        for (List<String> alt : alternatives) {
            out.add("-A " + chain + (alt.isEmpty() ? "" : " " + String.join(" ", alt)) + " " + target);
        }
        return out;
    }

    private final Map<String, Integer> marks = new LinkedHashMap<>();
    private final Map<String, Integer> packetMarks = new LinkedHashMap<>();

    /** The conntrack mark of a connection mark (its name in RouterOS); {@code no-mark} is 0. */
    private int connectionMark(String name) {
        return name.equals("no-mark") ? 0 : marks.computeIfAbsent("c:" + name, k -> 0x100 + marks.size());
    }

    /** The packet mark's value in {@link #PACKET_BITS}; {@code no-mark} is 0. */
    private int packetMark(String name) throws NotEmulated {
        if (name.equals("no-mark")) {
            return 0;
        }
        int id = packetMarks.computeIfAbsent(name, k -> (packetMarks.size() + 1) << 8);
        if ((id & ~PACKET_BITS) != 0) {
            throw new NotEmulated("more packet marks than " + hex(PACKET_BITS) + " holds");
        }
        return id;
    }

    /** The routing mark's value in {@link #ROUTING_BITS}: the number of its table; {@code no-mark} is 0. */
    private int routingMark(String name) throws NotEmulated {
        if (name.equals("no-mark")) {
            return 0;
        }
        if (name.equals("main")) {
            // whether an unmarked packet counts as marked "main" is not in the reference: not guessed
            throw new NotEmulated("routing mark main");
        }
        int id = tableId(name);
        if ((id & ~ROUTING_BITS) != 0) {
            throw new NotEmulated("more routing tables than " + hex(ROUTING_BITS) + " holds");
        }
        return id;
    }

    private static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }

    /**
     * The number of a routing table, which is also the routing mark that selects it: RouterOS routes a
     * packet with routing mark T by table T, Linux needs an ip rule from the mark (in {@link #ROUTING_BITS})
     * to the table.
     */
    int tableId(String name) {
        return marks.computeIfAbsent("t:" + name, k -> 100 + (int) marks.keySet().stream().filter(m -> m.startsWith("t:")).count());
    }

    /** The routing tables marks were given for, by name. */
    Map<String, Integer> tables() {
        Map<String, Integer> out = new LinkedHashMap<>();
        marks.forEach((k, v) -> {
            if (k.startsWith("t:")) {
                out.put(k.substring(2), v);
            }
        });
        return out;
    }

    /** An address as iptables reads it; a variable ({@code $server}) has no value to load. */
    private static String literal(String to) throws NotEmulated {
        if (!to.matches("[0-9./-]+")) {
            throw new NotEmulated("to-addresses=" + to + " is not a literal address");
        }
        return to;
    }

    private String target(Table table, FirewallRule r) throws NotEmulated {
        return switch (r.action()) {
            case "accept" -> "-j ACCEPT";
            case "drop" -> "-j DROP";
            case "reject" -> "-j REJECT";
            case "return" -> "-j RETURN";
            case "jump" -> "-j " + chain(r.get("jump-target").orElseThrow(() -> new NotEmulated("jump without target")));
            case "masquerade" -> "-j MASQUERADE";
            case "mark-connection" -> mark(r, "-j CONNMARK --set-mark " + connectionMark(r.get("new-connection-mark")
                    .orElseThrow(() -> new NotEmulated("mark-connection without new-connection-mark"))));
            case "mark-packet" -> mark(r, "-j MARK --set-xmark " + hex(packetMark(r.get("new-packet-mark")
                    .orElseThrow(() -> new NotEmulated("mark-packet without new-packet-mark")))) + "/" + hex(PACKET_BITS));
            case "mark-routing" -> mark(r, "-j MARK --set-xmark " + hex(routingMark(r.get("new-routing-mark")
                    .orElseThrow(() -> new NotEmulated("mark-routing without new-routing-mark")))) + "/" + hex(ROUTING_BITS));
            case "src-nat" -> "-j SNAT --to-source " + literal(r.get("to-addresses")
                    .orElseThrow(() -> new NotEmulated("src-nat without to-addresses")));
            case "dst-nat" -> {
                String to = literal(r.get("to-addresses").orElseThrow(() -> new NotEmulated("dst-nat without to-addresses")));
                if (to.contains("/")) {
                    throw new NotEmulated("dst-nat to a prefix");
                }
                if (Ipv4.parseAddressSpec(to).isEmpty()) {
                    throw new NotEmulated("dst-nat to-addresses=" + to + " is not an address (natlint reports it as not-analysed)");
                }
                yield "-j DNAT --to-destination " + to + r.get("to-ports").map(p -> ":" + p.replace('-', '-')).orElse("");
            }
            case "redirect" -> "-j REDIRECT" + r.get("to-ports").map(p -> " --to-ports " + p).orElse("");
            default -> throw new NotEmulated("action " + r.action() + " is outside the emulated subset");
        };
    }

    /**
     * Interface matchers netfilter refuses in a mangle hook: no out-interface before routing (prerouting), no
     * in-interface after it (postrouting). An out-interface in prerouting could only be read as "never", which
     * RouterOS does not state for mangle: not emulated rather than guessed.
     */
    private static void mangleInterface(Table table, FirewallRule r, String key, boolean negated) throws NotEmulated {
        if (table != Table.MANGLE) {
            return;
        }
        if (key.startsWith("out") && r.chain().equals("prerouting") || key.startsWith("in") && r.chain().equals("postrouting")) {
            throw new NotEmulated(key + " in mangle " + r.chain() + (negated ? " (negated)" : ""));
        }
    }

    /**
     * A mark action: with {@code passthrough=yes} (the default) the packet goes on to the next rule, as after
     * an iptables MARK/CONNMARK; with {@code passthrough=no} the mangle table is done with the packet once the
     * mark is set, which is a jump to a chain of this rule alone that sets the mark and accepts (the rule's
     * matchers are evaluated once, in the jump).
     */
    private String mark(FirewallRule r, String setMark) throws NotEmulated {
        String passthrough = r.get("passthrough").orElse("yes");
        if (passthrough.equals("yes")) {
            return setMark;
        }
        if (!passthrough.equals("no")) {
            throw new NotEmulated("passthrough=" + passthrough);
        }
        String name = "M" + r.location().line() + "_" + chainNames.size();
        chainNames.put("\0mark then accept " + name, name);
        markThenAccept.add("-A " + name + " " + setMark);
        markThenAccept.add("-A " + name + " -j ACCEPT");
        return "-j " + name;
    }

    private String linuxName(String routerOs) throws NotEmulated {
        if (!routerOs.matches("[A-Za-z0-9_.-]{1,15}")) {
            throw new NotEmulated("interface name '" + routerOs + "' is not a valid Linux interface name");
        }
        return routerOs;
    }

    private static String protocol(String v) throws NotEmulated {
        return switch (v) {
            case "tcp" -> "tcp";
            case "udp" -> "udp";
            case "icmp" -> "icmp";
            default -> {
                if (v.matches("\\d{1,3}")) {
                    yield v;
                }
                throw new NotEmulated("protocol " + v);
            }
        };
    }

    private static void add(List<List<String>> alternatives, String option) {
        alternatives.forEach(a -> a.add(option));
    }

    /** Each alternative times each option; no option at all means the rule can never match. */
    private static List<List<String>> expand(List<List<String>> alternatives, List<String> options) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> a : alternatives) {
            for (String o : options) {
                List<String> copy = new ArrayList<>(a);
                copy.add(o);
                out.add(copy);
            }
        }
        return out;
    }
}
