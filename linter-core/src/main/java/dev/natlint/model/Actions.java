package dev.natlint.model;

import java.util.Set;

/**
 * What a firewall action does to rule evaluation: the one definition every stage and rule uses.
 * RouterOS evaluates a chain top to bottom; a non-terminal action (counting, logging, tagging) lets the
 * packet go on with the next rule, {@code jump} goes on in another chain and may come back,
 * {@code return} leaves the chain, and every other action decides the packet.
 */
public final class Actions {

    private static final Set<String> NON_TERMINAL = Set.of("passthrough", "log", "add-src-to-address-list",
            "add-dst-to-address-list", "fasttrack-connection", "mark-connection", "mark-packet", "mark-routing",
            "change-dscp", "change-mss", "change-ttl", "set-priority", "sniff-tzsp", "sniff-pc", "strip-ipv4-options");

    private static final Set<String> DROPS = Set.of("drop", "reject", "tarpit");

    private Actions() {
    }

    /** The packet goes on with the next rule of the same chain. */
    public static boolean isNonTerminal(String action) {
        return NON_TERMINAL.contains(action);
    }

    /** No later rule of this chain sees the matched packets ({@code return} included, {@code jump} not). */
    public static boolean endsChain(String action) {
        return !isNonTerminal(action) && !action.equals("jump");
    }

    /** The packet is discarded (with or without an answer to the sender). */
    public static boolean drops(String action) {
        return DROPS.contains(action);
    }
}
