package dev.natlint.graph;

/**
 * Where the router sends a packet for some destination: out of {@code iface}, because of a connected
 * subnet, a static route or the default route. {@code iface} is null for a blackhole route.
 */
public record RouteResult(String iface, Via via, String description, long gateway) {

    public enum Via { CONNECTED, STATIC, DEFAULT, BLACKHOLE }

    /** No next-hop address: a connected subnet, an interface gateway, a dynamic default or a blackhole. */
    public static final long NO_GATEWAY = -1;

    public RouteResult(String iface, Via via, String description) {
        this(iface, via, description, NO_GATEWAY);
    }
}
