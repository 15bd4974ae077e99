package dev.natlint.model;

import dev.natlint.diag.Location;
import java.util.Map;
import java.util.Optional;

/**
 * Any configured item of any menu, kept generically so nothing in the script is silently dropped.
 * {@code menu} is the console path ({@code /ip pool}); properties are as written after renames.
 */
public record ConfigItem(String menu, Map<String, String> properties, boolean disabled, Location location) {

    public ConfigItem {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(properties.get(key));
    }
}
