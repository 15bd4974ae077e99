package dev.natlint.graph;

import dev.natlint.net.Ipv4;
import dev.natlint.net.Prefix;

/**
 * One route as the graph carries it on an edge: its destination, distance and routing table, the
 * interface it leaves by ({@code null} for a blackhole) and its next-hop address, where one is written.
 *
 * @param line the line of the address, route, DHCP client or PPPoE interface that makes the route
 */
public record RouteEntry(Prefix destination, int distance, String table, Origin origin, String iface, long gateway,
                         int line) {

    /** Where a route comes from, in the order RouterOS prefers them at equal prefix and distance. */
    public enum Origin {
        /** an address of the router: distance 0 */
        CONNECTED,
        /** an {@code /ip route} entry with a gateway */
        STATIC,
        /** an {@code /ip route} entry of type blackhole */
        BLACKHOLE,
        /** the default route a DHCP or PPPoE client installs at run time */
        DYNAMIC
    }

    public boolean isDefault() {
        return destination.length() == 0;
    }

    /** The route as a {@link RouteResult}, with the wording every report has used. */
    RouteResult result() {
        String net = Ipv4.format(destination.network()) + "/" + destination.length();
        return switch (origin) {
            case CONNECTED -> new RouteResult(iface, RouteResult.Via.CONNECTED, "connected subnet " + net + " on " + iface);
            case BLACKHOLE -> new RouteResult(null, RouteResult.Via.BLACKHOLE, "blackhole route at line " + line);
            case STATIC -> new RouteResult(iface, isDefault() ? RouteResult.Via.DEFAULT : RouteResult.Via.STATIC,
                    "route " + net + " at line " + line + " via " + iface, gateway);
            case DYNAMIC -> new RouteResult(iface, RouteResult.Via.DEFAULT, "default route learned on " + iface);
        };
    }
}
