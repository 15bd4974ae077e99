package dev.natlint.graph;

/**
 * Where the router sends a packet for some destination: out of {@code iface}, because of a connected
 * subnet, a static route or the default route. {@code iface} is null for a blackhole route.
 */
public record RouteResult(String iface, Via via, String description) {

    public enum Via { CONNECTED, STATIC, DEFAULT, BLACKHOLE }
}
