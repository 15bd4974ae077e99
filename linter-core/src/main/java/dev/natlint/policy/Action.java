package dev.natlint.policy;

import dev.natlint.net.IntervalSet;
import java.util.Optional;

/**
 * What a firewall rule does with the packets it matches, read once with its arguments. {@link #effect()}
 * is the one definition of how each action moves evaluation along a chain.
 */
public sealed interface Action {

    /** The action's RouterOS name, e.g. {@code dst-nat}. */
    String name();

    /**
     * How rule evaluation goes on after a match. RouterOS evaluates a chain top to bottom; a
     * non-terminal action (counting, logging, tagging) lets the packet go on with the next rule,
     * {@code jump} goes on in another chain and may come back, {@code return} leaves the chain, and
     * every other action decides the packet.
     */
    enum Effect { NEXT_RULE, JUMP, RETURN, DECIDE }

    /** The single definition of each action's effect on the walk. */
    default Effect effect() {
        if (this instanceof Jump) {
            return Effect.JUMP;
        }
        if (this instanceof Return) {
            return Effect.RETURN;
        }
        if (this instanceof Passthrough || this instanceof Log || this instanceof AddToAddressList
                || this instanceof FasttrackConnection || this instanceof SetMark || this instanceof Change
                || this instanceof Sniff) {
            return Effect.NEXT_RULE;
        }
        return Effect.DECIDE;
    }

    /** The packet goes on with the next rule of the same chain. */
    default boolean nonTerminal() {
        return effect() == Effect.NEXT_RULE;
    }

    /** No later rule of this chain sees the matched packets ({@code return} included, {@code jump} not). */
    default boolean endsChain() {
        return effect() == Effect.DECIDE || effect() == Effect.RETURN;
    }

    /** The packet is discarded (with or without an answer to the sender). */
    default boolean drops() {
        return this instanceof Drop || this instanceof Reject || this instanceof Tarpit;
    }

    /** The address and port a NAT action rewrites to, as written and as sets (empty when absent or unreadable). */
    record NatTarget(Optional<String> addressesWritten, Optional<IntervalSet> addresses, Optional<String> portsWritten,
                     Optional<IntervalSet> ports) {
        public static final NatTarget NONE = new NatTarget(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    record Accept() implements Action {
        public String name() {
            return "accept";
        }
    }

    record Drop() implements Action {
        public String name() {
            return "drop";
        }
    }

    record Reject() implements Action {
        public String name() {
            return "reject";
        }
    }

    record Tarpit() implements Action {
        public String name() {
            return "tarpit";
        }
    }

    record FasttrackConnection() implements Action {
        public String name() {
            return "fasttrack-connection";
        }
    }

    /** {@code jump}; {@code target} is empty when {@code jump-target} is missing. */
    record Jump(Optional<String> target) implements Action {
        public String name() {
            return "jump";
        }
    }

    record Return() implements Action {
        public String name() {
            return "return";
        }
    }

    record Passthrough() implements Action {
        public String name() {
            return "passthrough";
        }
    }

    record Log() implements Action {
        public String name() {
            return "log";
        }
    }

    /** {@code add-src-to-address-list} / {@code add-dst-to-address-list}. */
    record AddToAddressList(String name, Guard.Side side, Optional<String> list) implements Action {
    }

    /** An action that rewrites addresses or ports, with its target. */
    sealed interface Nat extends Action {
        NatTarget to();
    }

    record DstNat(NatTarget to) implements Nat {
        public String name() {
            return "dst-nat";
        }
    }

    record SrcNat(NatTarget to) implements Nat {
        public String name() {
            return "src-nat";
        }
    }

    record Masquerade(NatTarget to) implements Nat {
        public String name() {
            return "masquerade";
        }
    }

    record Netmap(NatTarget to) implements Nat {
        public String name() {
            return "netmap";
        }
    }

    record Redirect(NatTarget to) implements Nat {
        public String name() {
            return "redirect";
        }
    }

    record Same(NatTarget to) implements Nat {
        public String name() {
            return "same";
        }
    }

    /**
     * {@code mark-connection}, {@code mark-packet}, {@code mark-routing}: {@code mark} is the new mark
     * (empty when not written). The effect is {@code NEXT_RULE} whatever {@code passthrough} says: the
     * filter and NAT walks never meet it, and the mangle walk follows the mark and {@code passthrough} itself.
     */
    record SetMark(String name, Guard.MarkKind kind, Optional<String> mark, boolean passthrough) implements Action {
    }

    /** {@code change-dscp}, {@code change-mss}, {@code change-ttl}, {@code set-priority}, {@code strip-ipv4-options}. */
    record Change(String name) implements Action {
    }

    /** {@code sniff-tzsp}, {@code sniff-pc}. */
    record Sniff(String name) implements Action {
    }

    /** Any other action name; it decides the packet. */
    record Other(String name) implements Action {
    }
}
