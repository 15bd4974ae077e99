package dev.natlint.model;

import dev.natlint.diag.Location;

/** A DHCP client: {@code iface} gets its address (and usually a default route) at run time. */
public record DhcpClient(String iface, boolean addDefaultRoute, boolean disabled, Location location) {
}
