package dev.natlint.model;

import dev.natlint.diag.Location;

/** Port {@code iface} is an L2 member of {@code bridge}; disabled ports are not members. */
public record BridgePort(String bridge, String iface, Integer pvid, boolean disabled, Location location) {
}
