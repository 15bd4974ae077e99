package dev.natlint.model;

import dev.natlint.diag.Location;
import java.util.Map;
import java.util.Optional;

/**
 * A router interface after renames: {@code name} is the final name every reference resolves to.
 *
 * @param defaultName the factory name of a physical port ({@code ether1}), or null
 * @param parent      the interface a VLAN, PPPoE client or VRRP runs on, or null
 * @param implicit    true for a physical port that the script uses but never declares
 * @param properties  every other property as written, for rules that need more
 */
public record Interface(String name, String defaultName, InterfaceType type, String parent, Integer vlanId,
                        boolean disabled, String comment, Location location, boolean implicit,
                        Map<String, String> properties) {

    public Interface {
        properties = Map.copyOf(properties);
    }

    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }
}
