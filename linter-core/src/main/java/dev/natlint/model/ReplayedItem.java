package dev.natlint.model;

import dev.natlint.diag.Location;
import java.util.Map;

/** An item after the whole script was replayed, with interface references rendered as final names. */
record ReplayedItem(String menu, Map<String, String> props, boolean implicit, Location location) {

    String get(String key) {
        return props.get(key);
    }

    boolean disabled() {
        return ConfigBuilder.isYes(props.get("disabled"));
    }
}
