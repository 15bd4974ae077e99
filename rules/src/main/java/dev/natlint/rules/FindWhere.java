package dev.natlint.rules;

import dev.natlint.model.FirewallRule;
import dev.natlint.model.Quoting;
import dev.natlint.model.RouterConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stable selectors for existing rules, {@code [find where ...]}: console row numbers change with every
 * print and dynamic rule, and mean nothing in an imported script. A rule is named by its comment when
 * no other rule of its table has that comment, else by chain, action and all its matchers.
 */
final class FindWhere {

    private FindWhere() {
    }

    /** The selector, or empty when another rule of the table is written identically. */
    static Optional<String> of(RouterConfig config, FirewallRule r) {
        if (r.comment() != null && config.rules(r.table()).stream()
                .filter(o -> Objects.equals(o.comment(), r.comment())).count() == 1) {
            return Optional.of("[find where comment=" + quoted(r.comment()) + "]");
        }
        long same = config.rules(r.table()).stream().filter(o -> o.chain().equals(r.chain())
                && o.action().equals(r.action()) && o.properties().equals(r.properties())
                && o.disabled() == r.disabled()).count();
        if (same != 1) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("[find where chain=").append(quoted(r.chain())).append(" action=")
                .append(r.action());
        for (Map.Entry<String, String> e : r.properties().entrySet()) {
            sb.append(' ').append(e.getKey()).append('=').append(quoted(e.getValue()));
        }
        return Optional.of(sb.append(']').toString());
    }

    /** A value as a find condition writes it: always quoted, so {@code !}, commas and spaces stay literal. */
    private static String quoted(String value) {
        String q = Quoting.quote(value);
        return q.startsWith("\"") ? q : "\"" + q + "\"";
    }
}
