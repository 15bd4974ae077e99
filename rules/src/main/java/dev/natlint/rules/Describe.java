package dev.natlint.rules;

import dev.natlint.flow.Flow;
import dev.natlint.flow.Step;
import dev.natlint.flow.packet.Packet;
import dev.natlint.model.FirewallRule;
import dev.natlint.rule.Analysis;
import java.util.Map;

/** Shared wording for findings, so every rule names clients, ports and rules the same way. */
final class Describe {

    private Describe() {
    }

    /** {@code LAN client 192.168.1.10 -> 1.1.1.1:80/tcp}. */
    static String client(Flow f, Analysis space) {
        Packet p = f.example();
        return (f.source().internet() ? "internet client " : "LAN client ") + space.describe(p.srcAddress()) + " -> "
                + space.describe(p.dstAddress()) + ":" + p.dstPort() + "/" + protocol(p.protocol());
    }

    static String protocol(int n) {
        return switch (n) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            default -> String.valueOf(n);
        };
    }

    /** The address and port the server sees, from the flow's second step. */
    static String target(Flow f) {
        Step s = f.steps().size() > 1 ? f.steps().get(1) : f.steps().get(0);
        return s.destination() + ":" + s.destinationPort();
    }

    static String targetAddress(Flow f) {
        return f.steps().size() > 1 ? f.steps().get(1).destination() : f.steps().get(0).destination();
    }

    static String rule(FirewallRule r) {
        return "line " + r.location().line() + " (chain=" + r.chain() + " action=" + r.action() + ")";
    }

    /** A property list as the console writes it, for messages. */
    static String props(Map<String, String> props) {
        StringBuilder sb = new StringBuilder();
        props.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }
}
