package dev.natlint.model;

import dev.natlint.diag.Location;
import java.util.Map;
import java.util.Optional;

/**
 * One rule of a firewall table, in router order. {@code position} is the rule's number in
 * {@code print} (0-based, across all chains of the table), the number {@code move} and
 * {@code place-before} use.
 *
 * @param properties every other property with full names, in written order (chain, action, disabled
 *                   and comment have their own fields; {@code place-before} has been applied)
 */
public record FirewallRule(Table table, int position, String chain, String action, Map<String, String> properties,
                           boolean disabled, String comment, Location location) {

    public FirewallRule {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }

    public Optional<String> get(String property) {
        return Optional.ofNullable(properties.get(property));
    }

    public boolean has(String property) {
        return properties.containsKey(property);
    }

    /** The rule as {@code add} arguments, the way an export writes it. */
    public String toCommandArguments() {
        StringBuilder sb = new StringBuilder();
        sb.append("action=").append(action).append(" chain=").append(Quoting.quote(chain));
        properties.forEach((k, v) -> sb.append(' ').append(k).append('=').append(Quoting.quote(v)));
        if (comment != null) {
            sb.append(" comment=").append(Quoting.quote(comment));
        }
        if (disabled) {
            sb.append(" disabled=yes");
        }
        return sb.toString();
    }
}
