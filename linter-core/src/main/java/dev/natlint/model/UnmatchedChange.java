package dev.natlint.model;

import dev.natlint.diag.Location;

/**
 * A {@code set}, {@code disable} or {@code enable} whose selection found nothing among the
 * items the script creates: on a router it may change an item that exists before the script runs (a
 * default-configuration rule, a factory address), which the script does not show.
 */
public record UnmatchedChange(String menu, String verb, Location location) {
}
