package dev.natlint.graph;

import dev.natlint.net.Ipv4;

import dev.natlint.model.InterfaceType;

/** A vertex of the router's topology graph. */
public sealed interface Node {

    /** A label for humans and for DOT output. */
    String label();

    /** A router interface; {@code l3} is false for bridge ports and bonding slaves, which carry no IP. */
    record InterfaceNode(String name, InterfaceType type, boolean l3) implements Node {
        @Override
        public String label() {
            return name;
        }
    }

    /** A connected subnet (network address and prefix length). */
    record SubnetNode(long network, int prefixLength) implements Node {
        @Override
        public String label() {
            return Ipv4.format(network) + "/" + prefixLength;
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
