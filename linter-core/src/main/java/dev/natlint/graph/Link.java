package dev.natlint.graph;

/** A directed edge of the topology graph; one per (from, to, kind). */
public record Link(Node from, Node to, Kind kind) {

    public enum Kind {
        /** a bridge port or bonding slave belongs to its L3 interface */
        MEMBER_OF,
        /** a VLAN, PPPoE client or VRRP interface runs on its parent */
        RUNS_ON,
        /** an L3 interface has an address in this subnet */
        ON_LINK,
        /** a static route sends this network out of this interface */
        ROUTE,
        /** a WAN interface leads to the internet */
        UPLINK
    }
}
