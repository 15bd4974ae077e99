package dev.natlint.flow;

import dev.natlint.diag.Assumption;
import dev.natlint.diag.Certainty;
import dev.natlint.flow.packet.Packet;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.model.FirewallRule;
import java.util.List;

/**
 * The fate of one part of a forward's clients: every packet in {@code packets} (client coordinates:
 * what the client sends) gets the same {@code verdict} and the same step table.
 *
 * @param decisive the rule that caused a failure (the shadowing dstnat rule, the dropping filter rule,
 *                 the srcnat rule that takes the connection first), or null
 * @param related  a second rule the verdict is about (the shadowed hairpin masquerade), or null
 * @param example  the concrete packet the step table follows
 * @param replyDropped the verdict is about the server's reply (a filter rule dropped it), not the request
 */
public record Flow(Forward forward, Source source, PacketSet packets, Verdict verdict, List<Step> steps,
                   FirewallRule decisive, FirewallRule related, List<Assumption> assumptions, Packet example,
                   boolean replyDropped) {

    public Flow {
        steps = List.copyOf(steps);
        assumptions = List.copyOf(assumptions);
    }

    /** How sure the verdict is. */
    public Certainty certainty() {
        return Certainty.of(assumptions);
    }

    public boolean works() {
        return verdict.works();
    }
}
