package dev.natlint.model;

import dev.natlint.diag.Location;

/**
 * One static entry of a firewall address list. {@code address} is kept as written: an address, a
 * prefix, a range, or a DNS name (never resolved: natlint opens no network connection).
 */
public record AddressListEntry(String list, String address, boolean disabled, Location location) {
}
