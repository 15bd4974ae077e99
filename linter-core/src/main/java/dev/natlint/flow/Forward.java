package dev.natlint.flow;

import dev.natlint.net.IntervalSet;
import dev.natlint.model.FirewallRule;

/**
 * A port forward: a dst-nat rule with what clients send to (public addresses, protocols, ports) and
 * where it goes ({@code targetAddresses}, and {@code targetPorts}, or null when the port is kept).
 */
public record Forward(FirewallRule rule, IntervalSet publicAddresses, IntervalSet protocols, IntervalSet ports,
                      IntervalSet targetAddresses, IntervalSet targetPorts) {

    public int line() {
        return rule.location().line();
    }
}
