package dev.natlint.flow;

import java.util.Locale;

/** What happens to a client's connection to a forwarded port. */
public enum Verdict {
    /** the reply returns through the router and the connection works */
    OK,
    /** the server answers a same-subnet client directly; the client drops the reply (hairpin missing) */
    REPLY_BYPASSES_ROUTER,
    /** the packet to the public address is never translated and lands on the router itself */
    NO_DST_NAT,
    /** an earlier dstnat rule takes the packet */
    SHADOWED,
    /** a forward-chain rule drops the translated packet */
    FILTERED,
    /** a hairpin srcnat rule exists, but an earlier srcnat rule takes the connection first */
    MASQUERADE_SHADOWED,
    /** the translated destination is on no connected subnet and no route */
    UNROUTABLE,
    /** the public address is not the router's, so the internet does not deliver the packet to it */
    NOT_DELIVERED,
    /** the reply to an internet client leaves by another uplink than the one the client came in on */
    REPLY_WRONG_UPLINK,
    /** the router has no route back to the client (no default route), so it drops the server's reply */
    NO_ROUTE_BACK,
    /**
     * the target is beyond an uplink and sees the client's own address (no src-nat), so its reply goes to the
     * client over the internet instead of back through the router
     */
    REPLY_OUTSIDE_ROUTER;

    /** The stable id used in JSON and messages, e.g. {@code reply-bypasses-router}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean works() {
        return this == OK;
    }
}
