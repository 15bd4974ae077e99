package dev.natlint.model;

import java.util.List;
import java.util.Optional;

/**
 * Property names of firewall rules. RouterOS accepts any unambiguous prefix of a property name
 * ({@code to-address} for {@code to-addresses}); the model stores full names so rules and the analysis
 * see one spelling.
 */
public final class FirewallProperties {

    static final List<String> KNOWN = List.of(
            "action", "address-list", "address-list-timeout", "chain", "comment", "connection-bytes",
            "connection-limit", "connection-mark", "connection-nat-state", "connection-rate", "connection-state",
            "connection-type", "content", "disabled", "dscp", "dst-address", "dst-address-list", "dst-address-type",
            "dst-limit", "dst-port", "fragment", "hotspot", "hw-offload", "icmp-options", "in-bridge-port",
            "in-bridge-port-list", "in-interface", "in-interface-list", "ingress-priority", "ipsec-policy",
            "ipv4-options", "jump-target", "layer7-protocol", "limit", "log", "log-prefix", "new-connection-mark",
            "new-dscp", "new-mss", "new-packet-mark", "new-priority", "new-routing-mark", "new-ttl", "nth",
            "out-bridge-port", "out-bridge-port-list", "out-interface", "out-interface-list", "packet-mark",
            "packet-size", "passthrough", "per-connection-classifier", "place-before", "port", "priority",
            "protocol", "psd", "random", "reject-with", "routing-mark", "routing-table", "same-not-by-dst",
            "src-address", "src-address-list", "src-address-type", "src-mac-address", "src-port", "tcp-flags",
            "tcp-mss", "time", "tls-host", "to-addresses", "to-ports", "ttl");

    private FirewallProperties() {
    }

    /** The full property name {@code written} stands for, when it is one exactly or an unambiguous prefix. */
    public static Optional<String> canonical(String written) {
        if (KNOWN.contains(written)) {
            return Optional.of(written);
        }
        List<String> candidates = KNOWN.stream().filter(k -> k.startsWith(written)).toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }
}
