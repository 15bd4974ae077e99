package dev.natlint.model;

import dev.natlint.diag.Location;

/**
 * A router address from {@code /ip address}: the router owns {@code address} on {@code iface}, and the
 * connected subnet is {@code network/prefixLength}. Addresses are unsigned 32-bit values in a long.
 */
public record IpAddress(long address, int prefixLength, String iface, boolean disabled, Location location) {

    public long network() {
        return prefixLength == 0 ? 0 : address & (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
    }

    public long broadcast() {
        return network() | (prefixLength == 0 ? 0xFFFFFFFFL : (0xFFFFFFFFL >>> prefixLength));
    }
}
