package dev.natlint.model;

import dev.natlint.diag.Location;
import java.util.List;

/**
 * An interface list with its static members and include/exclude lists. {@code builtin} is true for
 * {@code all}, {@code none}, {@code dynamic} and {@code static}, which exist on every router.
 */
public record InterfaceList(String name, List<String> include, List<String> exclude, boolean builtin,
                            Location location) {

    public InterfaceList {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }
}
