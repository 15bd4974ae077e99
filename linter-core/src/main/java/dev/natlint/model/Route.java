package dev.natlint.model;

import dev.natlint.diag.Location;

/**
 * A static route. {@code gateway} is kept as written (an address, an interface name, {@code ip%iface}
 * or {@code ip@table}); {@code routingTable} is {@code main} unless a v7 table or v6 routing mark is set.
 */
public record Route(long dstAddress, int prefixLength, String gateway, int distance, String routingTable,
                    boolean blackhole, boolean disabled, Location location) {

    public boolean isDefault() {
        return prefixLength == 0;
    }
}
