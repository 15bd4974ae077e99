package dev.natlint.graph;

import dev.natlint.net.Ipv4;

import dev.natlint.model.InterfaceType;

/** A vertex of the router's topology graph. */
public sealed interface Node {

    /** A label for humans and for DOT output. */
    String label();

    /** The router itself: forward paths start here, reply paths through the router pass it. */
    record RouterNode() implements Node {
        @Override
        public String label() {
            return "router";
        }
    }

    /** A router interface; {@code l3} is false for bridge ports and bonding slaves, which carry no IP. */
    record InterfaceNode(String name, InterfaceType type, boolean l3) implements Node {
        @Override
        public String label() {
            return name;
        }
    }

    /** A connected subnet, or a network behind a gateway (network address and prefix length). */
    record SubnetNode(long network, int prefixLength) implements Node {
        @Override
        public String label() {
            return Ipv4.format(network) + "/" + prefixLength;
        }
    }

    /**
     * A next hop out of {@code iface}: a static route's gateway address, or, with {@code address}
     * {@link RouteResult#NO_GATEWAY}, the gateway a DHCP or PPPoE client learns at run time (or an
     * interface gateway, where the next hop is whoever answers on the link).
     */
    record GatewayNode(String iface, long address) implements Node {
        @Override
        public String label() {
            return address == RouteResult.NO_GATEWAY ? "gateway on " + iface : "gateway " + Ipv4.format(address);
        }
    }

    /** Everything beyond the WAN interfaces. */
    record InternetNode() implements Node {
        @Override
        public String label() {
            return "internet";
        }
    }
}
