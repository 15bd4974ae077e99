package dev.natlint.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded random routers with marks for the kernel check: a {@link ScenarioGenerator} router (its own seed,
 * offset so the two series differ) whose mangle tables mark connections and packets on varied matchers
 * (in-interface, src-address, dst-port, connection-state=new, an address list, an earlier mark), some with
 * {@code passthrough=no}, some in a custom chain reached by a jump (with an early {@code return} or
 * {@code accept} sometimes), some in forward or postrouting; and whose filter forward, srcnat and dstnat
 * rules match those marks ({@code connection-mark=x}, {@code !x}, {@code no-mark}, {@code packet-mark=y},
 * {@code routing-mark=}), including marks nothing sets. Which connections work is the kernel's business:
 * nothing here predicts a verdict. The same seed always gives the same script.
 */
final class MarkScenarioGenerator {

    /** Keeps the mark series apart from the plain one, which uses seeds 1..n. */
    private static final long SEED_OFFSET = 1_100_000L;

    private static final Pattern FORWARD = Pattern.compile("chain=dstnat action=dst-nat protocol=(\\w+) dst-port=(\\d+)"
            + ".* to-addresses=([0-9.]+)(?: to-ports=(\\d+))?");

    /** What a mark rule can refer to about one forward of the base router. */
    private record Fwd(String proto, int publicPort, String target, int targetPort) {
    }

    private MarkScenarioGenerator() {
    }

    static String generate(long seed) {
        Random r = new Random(SEED_OFFSET + seed);
        String base = ScenarioGenerator.generate(SEED_OFFSET + seed);
        List<String> lines = new ArrayList<>(List.of(base.split("\n")));
        lines.set(0, "# kernel-check mark scenario, seed " + seed + " (base router: scenario seed " + (SEED_OFFSET + seed) + ")");
        List<Fwd> forwards = new ArrayList<>();
        for (String l : lines) {
            Matcher m = FORWARD.matcher(l);
            if (m.find()) {
                int port = Integer.parseInt(m.group(2));
                forwards.add(new Fwd(m.group(1), port, m.group(3), m.group(4) == null ? port : Integer.parseInt(m.group(4))));
            }
        }
        List<String> lans = new ArrayList<>(List.of("bridge"));
        List<String> subnets = new ArrayList<>(List.of("192.168.88"));
        if (base.contains("interface=vlan20\n")) {
            lans.add("vlan20");
            subnets.add("192.168.20");
        }
        if (base.contains("address=10.5.0.1/24")) {
            lans.add("ether5");
            subnets.add("10.5.0");
        }
        // the address list some mangle rules mark by: a half of a LAN, and the internet client's block
        int half = r.nextInt(subnets.size());
        lines.add("/ip firewall address-list add list=marked address=" + subnets.get(half) + (r.nextBoolean() ? ".0/25" : ".48/28"));
        if (r.nextBoolean()) {
            lines.add("/ip firewall address-list add list=marked address=198.51.100.0/24");
        }

        // mangle: one to four marking rules, in varied chains
        List<String> connMarks = List.of("cm1", "cm2");
        List<String> packetMarks = List.of("pm1", "pm2");
        List<String> mangle = new ArrayList<>();
        boolean custom = r.nextInt(4) == 0;
        if (custom) {
            String from = r.nextInt(3) == 0 ? "forward" : "prerouting";
            mangle.add("/ip firewall mangle add chain=" + from + " action=jump jump-target=marking"
                    + (r.nextBoolean() ? "" : " connection-state=new"));
            if (r.nextInt(3) == 0) {
                mangle.add("/ip firewall mangle add chain=marking action=" + (r.nextBoolean() ? "return" : "accept")
                        + " " + pick(r, List.of("in-interface=bridge", "src-address=" + subnets.get(0) + ".0/25",
                        "protocol=udp")));
            }
        }
        int marking = 1 + r.nextInt(4);
        for (int i = 0; i < marking; i++) {
            Fwd f = forwards.get(r.nextInt(forwards.size()));
            String chain = custom && r.nextBoolean() ? "marking"
                    : pick(r, List.of("prerouting", "prerouting", "prerouting", "forward", "postrouting"));
            StringBuilder m = new StringBuilder("/ip firewall mangle add chain=" + chain);
            boolean connection = r.nextInt(3) != 0;
            if (connection) {
                m.append(" action=mark-connection new-connection-mark=").append(pick(r, connMarks));
            } else {
                m.append(" action=mark-packet new-packet-mark=").append(pick(r, packetMarks));
            }
            if (r.nextInt(3) == 0) {
                m.append(" passthrough=no");
            }
            // the port a mangle rule sees: the public one before dstnat, the server's after it
            boolean translated = chain.equals("forward") || chain.equals("postrouting");
            List<String> matchers = new ArrayList<>();
            if (!chain.equals("postrouting") && !chain.equals("marking")) {
                matchers.add(pick(r, List.of("in-interface=ether1", "in-interface-list=WAN", "in-interface=" + pick(r, lans),
                        "in-interface-list=LAN")));
            }
            matchers.add("src-address=" + pick(r, List.of(pick(r, subnets) + ".0/24", subnets.get(0) + ".50",
                    "198.51.100.10", pick(r, subnets) + ".0/25")));
            matchers.add("protocol=" + f.proto() + " dst-port=" + (translated ? f.targetPort() : f.publicPort()));
            matchers.add("connection-state=new");
            matchers.add("src-address-list=marked");
            matchers.add("connection-mark=" + pick(r, List.of("no-mark", "cm1", "!cm2")));
            if (translated) {
                matchers.add("dst-address=" + f.target());
                if (chain.equals("forward") || r.nextBoolean()) {
                    matchers.add("out-interface=" + pick(r, lans));
                }
            }
            int n = 1 + r.nextInt(2);
            for (int k = 0; k < n && !matchers.isEmpty(); k++) {
                m.append(' ').append(matchers.remove(r.nextInt(matchers.size())));
            }
            mangle.add(m.toString());
        }
        if (r.nextInt(5) == 0) {
            // an accept ends the mangle chain: marking rules after it miss what it matched
            mangle.add(r.nextInt(Math.max(1, mangle.size())), "/ip firewall mangle add chain=prerouting action=accept "
                    + pick(r, List.of("in-interface=ether1", "protocol=udp", "src-address=" + subnets.get(0) + ".0/25")));
        }
        lines.addAll(mangle);

        // rules that match marks, a set mark or one nothing sets
        List<String> connMatch = List.of("cm1", "cm2", "!cm1", "no-mark", "!no-mark", "ghost", "!ghost");
        List<String> packetMatch = List.of("pm1", "pm2", "!pm1", "no-mark", "ghostp");
        int matching = 1 + r.nextInt(3);
        for (int i = 0; i < matching; i++) {
            Fwd f = forwards.get(r.nextInt(forwards.size()));
            String mark = r.nextInt(3) != 0 ? "connection-mark=" + pick(r, connMatch)
                    : r.nextInt(6) != 0 ? "packet-mark=" + pick(r, packetMatch)
                    : "routing-mark=" + pick(r, List.of("ghostr", "!ghostr", "no-mark"));
            // a negated or no-mark matcher alone would touch every packet: narrowed more often
            String narrower = r.nextInt(mark.contains("!") || mark.contains("no-mark") ? 4 : 2) == 0 ? ""
                    : " " + pick(r, List.of("connection-state=new", "in-interface-list=WAN", "in-interface=" + pick(r, lans),
                    "protocol=" + f.proto() + " dst-port=" + f.targetPort(), "out-interface=" + pick(r, lans)));
            switch (r.nextInt(6)) {
                case 0, 1, 2 -> insert(lines, "/ip firewall filter", r, "/ip firewall filter add chain=forward action="
                        + (r.nextInt(4) == 0 ? "accept" : "drop") + " " + mark + narrower);
                case 3 -> {
                    // a hairpin masquerade by mark, or a mark exempt from the WAN masquerade
                    String lan = pick(r, lans);
                    String rule = r.nextBoolean()
                            ? "/ip firewall nat add chain=srcnat action=masquerade " + mark + " out-interface=" + lan
                            : "/ip firewall nat add chain=srcnat action=accept " + mark
                            + (narrower.contains("in-interface") ? "" : narrower);
                    insertBefore(lines, "chain=srcnat", r, rule);
                }
                default -> {
                    // dstnat: marked (or unmarked) packets kept out of the forwards
                    String rule = "/ip firewall nat add chain=dstnat action=accept " + mark
                            + (narrower.contains("out-interface") ? "" : narrower);
                    insertBefore(lines, "chain=dstnat", r, rule);
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String pick(Random r, List<String> options) {
        return options.get(r.nextInt(options.size()));
    }

    /** Adds {@code rule} at a random place among the lines that start with {@code menu} (at the end if none). */
    private static void insert(List<String> lines, String menu, Random r, String rule) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(menu)) {
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

    /** Adds {@code rule} before a random NAT rule of the chain (or after the last one). */
    private static void insertBefore(List<String> lines, String chain, Random r, String rule) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("/ip firewall nat") && lines.get(i).contains(chain)) {
                at.add(i);
            }
        }
        int k = r.nextInt(at.size() + 1);
        lines.add(k == at.size() ? at.get(at.size() - 1) + 1 : at.get(k), rule);
    }
}
