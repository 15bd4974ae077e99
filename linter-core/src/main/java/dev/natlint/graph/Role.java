package dev.natlint.graph;

import java.util.List;

/**
 * Whether an L3 interface faces the internet (WAN) or local hosts (LAN), with the evidence that decided,
 * so a user can see why natlint treats {@code ether1} as WAN.
 */
public record Role(String iface, Kind kind, List<String> evidence) {

    public enum Kind { WAN, LAN, NONE }

    public Role {
        evidence = List.copyOf(evidence);
    }
}
