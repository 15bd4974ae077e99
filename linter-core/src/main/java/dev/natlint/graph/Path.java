package dev.natlint.graph;

import java.util.List;
import java.util.Optional;

/**
 * A walk through the topology graph, one hop per edge; a hop may cross its edge backwards (a reply
 * goes from a subnet to its interface along the interface's {@code ON_LINK} edge). A walk without hops
 * stays where it starts (a reply that a host on the server's own subnet gets directly).
 */
public record Path(Node start, List<Hop> hops) {

    /** One step of a walk: from {@code from} to {@code to} along {@code link}. */
    public record Hop(Node from, Node to, Link link) {
    }

    public Path {
        hops = List.copyOf(hops);
    }

    /** Where the walk ends: the last hop's far end, or {@code start} when there is no hop. */
    public Node end() {
        return hops.isEmpty() ? start : hops.get(hops.size() - 1).to();
    }

    /** The route the walk took: the last edge that carries one. */
    public Optional<RouteEntry> route() {
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (hops.get(i).link().route() != null) {
                return Optional.of(hops.get(i).link().route());
            }
        }
        return Optional.empty();
    }

    /** {@code router -> ether1 -> 203.0.113.0/24 -> gateway 203.0.113.1 -> internet}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(start.label());
        hops.forEach(h -> sb.append(" -> ").append(h.to().label()));
        return sb.toString();
    }
}
