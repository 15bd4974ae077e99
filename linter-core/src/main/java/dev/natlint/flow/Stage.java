package dev.natlint.flow;

/**
 * Where in the router's packet flow a chain runs. It decides which matchers can be true: no
 * out-interface exists before the routing decision, and the connection's NAT state grows as it goes.
 */
public enum Stage {
    /** NAT {@code dstnat} (prerouting): original destination, no out-interface yet. */
    DSTNAT,
    /** filter {@code forward}: translated destination, original source, both interfaces known. */
    FORWARD,
    /** NAT {@code srcnat} (postrouting): translated destination, out-interface known. */
    SRCNAT
}
