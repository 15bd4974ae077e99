package dev.natlint.flow;

/**
 * One row of a flow's step table: a packet on the wire at one hop, and what happened to it.
 * {@code ruleLine} is the line of the rule that acted here, or 0.
 */
public record Step(int number, String source, int sourcePort, String destination, int destinationPort,
                   String what, int ruleLine) {
}
