package dev.natlint.policy;

import dev.natlint.model.FirewallRule;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every firewall rule of a configuration in typed form, read once: by table in router order, and by
 * table and chain (enabled rules only, the way a chain is walked).
 */
public final class Policy {

    /** The model's rule list each table was read from, so a variant of the config can reuse unchanged tables. */
    private final Map<Table, List<FirewallRule>> sources = new EnumMap<>(Table.class);
    private final Map<Table, List<PolicyRule>> byTable = new EnumMap<>(Table.class);
    private final Map<Table, Map<String, List<PolicyRule>>> enabledByChain = new EnumMap<>(Table.class);
    /** By identity: the model's rules are the keys stages hold, and hashing a rule's record is costly. */
    private final Map<FirewallRule, PolicyRule> bySource = new IdentityHashMap<>();

    private Policy(RouterConfig config, Policy earlier) {
        for (Table t : Table.values()) {
            List<FirewallRule> written = config.rules(t);
            sources.put(t, written);
            if (earlier != null && earlier.sources.get(t) == written) {
                // the same rule objects (a fix that left this table alone): their typed form is the same
                byTable.put(t, earlier.byTable.get(t));
                enabledByChain.put(t, earlier.enabledByChain.get(t));
                for (PolicyRule p : earlier.byTable.get(t)) {
                    bySource.put(p.source(), p);
                }
                continue;
            }
            List<PolicyRule> rules = new ArrayList<>();
            Map<String, List<PolicyRule>> chains = new LinkedHashMap<>();
            for (FirewallRule r : written) {
                PolicyRule p = PolicyReader.read(r);
                rules.add(p);
                bySource.put(r, p);
                if (!p.disabled()) {
                    chains.computeIfAbsent(p.chain(), k -> new ArrayList<>()).add(p);
                }
            }
            chains.replaceAll((k, v) -> List.copyOf(v));
            byTable.put(t, List.copyOf(rules));
            enabledByChain.put(t, Collections.unmodifiableMap(chains));
        }
    }

    public static Policy of(RouterConfig config) {
        return new Policy(config, null);
    }

    /** The policy of a variant of {@code earlier}'s configuration, reusing the tables it shares with it. */
    public static Policy of(RouterConfig config, Policy earlier) {
        return new Policy(config, earlier);
    }

    /** Every rule of {@code table}, disabled ones included, in router order. */
    public List<PolicyRule> rules(Table table) {
        return byTable.get(table);
    }

    /** The enabled rules of one chain, in order. */
    public List<PolicyRule> enabled(Table table, String chain) {
        return enabledByChain.get(table).getOrDefault(chain, List.of());
    }

    /**
     * The typed form of a rule of this configuration; a rule from elsewhere (a fix's variant, a test's
     * hand-made rule) is read on the spot.
     */
    public PolicyRule of(FirewallRule rule) {
        PolicyRule p = bySource.get(rule);
        return p != null ? p : PolicyReader.read(rule);
    }
}
