package dev.natlint.graph;

import dev.natlint.diag.Assumption;
import java.util.List;

/**
 * Whether an L3 interface faces the internet (WAN) or local hosts (LAN), with the evidence that decided,
 * so a user can see why natlint treats {@code ether1} as WAN. {@code guess} is set when only an
 * interface list's name decided: the role is then an assumption every verdict resting on it carries.
 */
public record Role(String iface, Kind kind, List<String> evidence, Assumption guess) {

    public enum Kind { WAN, LAN, NONE }

    public Role {
        evidence = List.copyOf(evidence);
    }

    public Role(String iface, Kind kind, List<String> evidence) {
        this(iface, kind, evidence, null);
    }
}
