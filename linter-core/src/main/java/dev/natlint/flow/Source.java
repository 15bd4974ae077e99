package dev.natlint.flow;

import dev.natlint.net.IntervalSet;

/**
 * Where clients of a forward come from: a LAN subnet behind an interface, or the internet arriving on a
 * WAN interface. {@code addresses} are the client addresses (router addresses excluded).
 */
public record Source(String name, String iface, IntervalSet addresses, boolean internet) {
}
