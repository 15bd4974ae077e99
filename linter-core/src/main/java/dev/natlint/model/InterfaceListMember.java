package dev.natlint.model;

import dev.natlint.diag.Location;

/** A static member of an interface list. */
public record InterfaceListMember(String list, String iface, boolean disabled, Location location) {
}
