package dev.natlint.model;

import dev.natlint.diag.Location;

/** A static DNS entry ({@code name} or {@code regexp} to an address), relevant to split DNS. */
public record DnsStatic(String name, String regexp, String address, String type, boolean disabled,
                        Location location) {
}
