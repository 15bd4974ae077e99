package dev.natlint.policy;

import dev.natlint.net.IntervalSet;
import java.util.List;
import java.util.Optional;

/**
 * One matcher of a firewall rule, read once from what the user wrote. Every guard keeps its property
 * name and written value (with a leading {@code !} when negated), so messages quote the user's text;
 * decisions read only the typed fields. What natlint does not model is an explicit {@link Unsupported}.
 */
public sealed interface Guard {

    /** The property name as written, e.g. {@code dst-address-list}. */
    String property();

    /** The value exactly as written, a leading {@code !} included. */
    String written();

    /** {@code property=written}, the way messages quote a matcher. */
    default String quoted() {
        return property() + "=" + written();
    }

    /** Which address or port of the packet a guard reads. */
    enum Side { SRC, DST }

    /** Which interface of the packet a guard reads. */
    enum Direction { IN, OUT }

    /** Which port a port guard reads: {@code port=} accepts either one. */
    enum PortSide { SRC, DST, EITHER }

    /** The three kinds of firewall marks; each is set by its own mangle action. */
    enum MarkKind {
        CONNECTION("connection-mark"), PACKET("packet-mark"), ROUTING("routing-mark");

        private final String property;

        MarkKind(String property) {
            this.property = property;
        }

        /** The matcher's property name, e.g. {@code connection-mark}. */
        public String property() {
            return property;
        }
    }

    /**
     * {@code src-address} / {@code dst-address}: an address, prefix or range. {@code addresses} is empty
     * when the text is no IPv4 spec (a variable, a typo); RouterOS would reject such a rule.
     */
    record Address(String property, String written, Side side, boolean negated, String value,
                   Optional<IntervalSet> addresses) implements Guard {
    }

    /** {@code src-address-list} / {@code dst-address-list}. */
    record AddressList(String property, String written, Side side, boolean negated, String list) implements Guard {
    }

    /** {@code src-address-type} / {@code dst-address-type}: local, broadcast, multicast, unicast. */
    record AddressType(String property, String written, Side side, boolean negated, List<String> types)
            implements Guard {
    }

    /** {@code protocol}; {@code number} is empty for a name or number RouterOS does not know. */
    record Protocol(String property, String written, boolean negated, Optional<Integer> number) implements Guard {
    }

    /** {@code src-port}, {@code dst-port}, {@code port}; {@code ports} is empty when unreadable. */
    record Ports(String property, String written, PortSide side, boolean negated, Optional<IntervalSet> ports)
            implements Guard {
    }

    /** {@code in-interface} / {@code out-interface}. */
    record Interface(String property, String written, Direction direction, boolean negated, String name)
            implements Guard {
    }

    /** {@code in-interface-list} / {@code out-interface-list}. */
    record InterfaceList(String property, String written, Direction direction, boolean negated, String list)
            implements Guard {
    }

    /** {@code connection-state}: new, established, related, invalid, untracked. */
    record ConnectionState(String property, String written, boolean negated, List<String> states) implements Guard {
    }

    /** {@code connection-nat-state}: dstnat, srcnat. */
    record ConnectionNatState(String property, String written, boolean negated, List<String> states)
            implements Guard {
    }

    /** {@code connection-mark}, {@code packet-mark}, {@code routing-mark}; {@code no-mark} is unmarked. */
    record Mark(String property, String written, MarkKind kind, boolean negated, String mark) implements Guard {
        public boolean unmarked() {
            return mark.equals("no-mark");
        }
    }

    /** {@code tcp-flags}: each flag required set, or cleared when written {@code !flag}. */
    record TcpFlags(String property, String written, boolean negated, List<String> flags) implements Guard {
    }

    /** {@code ipsec-policy}: direction and {@code ipsec} or {@code none}, e.g. {@code in,ipsec}. */
    record IpsecPolicy(String property, String written, boolean negated, String direction, boolean ipsec)
            implements Guard {
    }

    /** {@code connection-type}: a connection-tracking helper (ftp, sip, ...). */
    record ConnectionType(String property, String written, boolean negated, String type) implements Guard {
    }

    /**
     * A matcher natlint does not model ({@code time=}, {@code limit=}, {@code layer7-protocol=}, ...):
     * the analysis assumes it matches and says so at {@code line}.
     */
    record Unsupported(String property, String written, String reason, int line) implements Guard {
    }
}
