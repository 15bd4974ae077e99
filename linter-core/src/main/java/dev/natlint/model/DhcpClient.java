package dev.natlint.model;

import dev.natlint.diag.Location;

/** A DHCP client: {@code iface} gets its address (and usually a default route) at run time. */
public record DhcpClient(String iface, boolean addDefaultRoute, int defaultRouteDistance, boolean disabled,
                         Location location) {

    /** RouterOS's {@code default-route-distance} when the script does not set it. */
    public static final int DEFAULT_DISTANCE = 1;

    public DhcpClient(String iface, boolean addDefaultRoute, boolean disabled, Location location) {
        this(iface, addDefaultRoute, DEFAULT_DISTANCE, disabled, location);
    }
}
