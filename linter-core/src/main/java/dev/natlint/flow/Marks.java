package dev.natlint.flow;

import dev.natlint.policy.Guard;

/**
 * The marks a packet carries at a point of its way through the router, as set by mangle rules: the
 * connection's mark (kept by connection tracking for every later packet of the connection, replies
 * included), and the packet's own mark and routing mark (this packet only). An empty string is
 * {@code no-mark}. {@link #UNFOLLOWED} stands for "not followed here": a question about a rule on its
 * own, outside any flow, where natlint cannot know the marks and assumes none, saying so.
 */
public record Marks(String connection, String packet, String routing, boolean followed) {

    /** A new connection before mangle: no marks, and known to have none. */
    public static final Marks NONE = new Marks("", "", "", true);

    /** Marks not followed: a rule asked about outside a flow. */
    public static final Marks UNFOLLOWED = new Marks("", "", "", false);

    /** The mark of one kind, empty when unmarked. */
    public String of(Guard.MarkKind kind) {
        return switch (kind) {
            case CONNECTION -> connection;
            case PACKET -> packet;
            case ROUTING -> routing;
        };
    }

    /** These marks with the mark of {@code kind} set to {@code mark}. */
    public Marks with(Guard.MarkKind kind, String mark) {
        return new Marks(kind == Guard.MarkKind.CONNECTION ? mark : connection,
                kind == Guard.MarkKind.PACKET ? mark : packet, kind == Guard.MarkKind.ROUTING ? mark : routing,
                followed);
    }

    /**
     * What a later packet of the same connection starts with (the server's reply): the connection mark
     * stays with the connection, packet and routing marks were the first packet's alone.
     */
    public Marks nextPacket() {
        return new Marks(connection, "", "", followed);
    }

    /** Whether a mark matcher matches a packet carrying these marks ({@code followed} only). */
    public boolean matches(Guard.Mark g) {
        String carried = of(g.kind());
        boolean same = g.unmarked() ? carried.isEmpty() : carried.equals(g.mark());
        return same != g.negated();
    }

    public boolean any() {
        return !connection.isEmpty() || !packet.isEmpty() || !routing.isEmpty();
    }

    /** {@code connection-mark=x packet-mark=y}, for step tables; empty when unmarked. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Guard.MarkKind k : Guard.MarkKind.values()) {
            if (!of(k).isEmpty()) {
                sb.append(sb.length() > 0 ? " " : "").append(k.property()).append('=').append(of(k));
            }
        }
        return sb.toString();
    }
}
