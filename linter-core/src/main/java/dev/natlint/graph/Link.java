package dev.natlint.graph;

/**
 * A directed edge of the topology graph. {@code route} is set on the edges routing looks up: the
 * connected route of an {@code ON_LINK} edge and the route of a {@code ROUTE} edge; null elsewhere.
 */
public record Link(Node from, Node to, Kind kind, RouteEntry route) {

    public enum Kind {
        /** the router owns this L3 interface */
        HAS,
        /** a bridge port or bonding slave belongs to its L3 interface */
        MEMBER_OF,
        /** a VLAN, PPPoE client or VRRP interface runs on its parent */
        RUNS_ON,
        /** an L3 interface has an address in this subnet (its connected route) */
        ON_LINK,
        /** a gateway is reached on this subnet (or directly on this interface) */
        GATEWAY,
        /** a route sends this network to this gateway (a blackhole route starts at the router) */
        ROUTE,
        /** a WAN interface leads to the internet */
        UPLINK
    }

    public Link(Node from, Node to, Kind kind) {
        this(from, to, kind, null);
    }
}
