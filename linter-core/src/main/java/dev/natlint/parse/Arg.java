package dev.natlint.parse;

import dev.natlint.diag.Location;
import java.util.List;

/** One argument of a command after its verb. */
public sealed interface Arg {

    Location location();

    /** {@code name=value}; {@code name} is exactly as written (prefix abbreviations are resolved later). */
    record Property(String name, Value value, Location location) implements Arg { }

    /** An unnamed argument: a bare flag ({@code blackhole}, {@code !keepalive}), an item name or number. */
    record Positional(Value value, Location location) implements Arg { }

    /** A {@code [ find ... ]} selector reduced to its conditions. */
    record Selector(List<Condition> conditions, String raw, Location location) implements Arg { }

    /** Anything else (a script expression or block); kept as source text and never evaluated. */
    record Opaque(String raw, Location location) implements Arg { }

    /**
     * One condition of a find expression: {@code name op value}. Ops are {@code =}, {@code !=},
     * {@code ~} (regex), {@code flag} and {@code !flag} (a bare yes/no property such as {@code dynamic}
     * or {@code !disabled}; value empty), or {@code ?} for a condition natlint does not understand
     * (matches nothing).
     */
    record Condition(String name, String op, String value) { }
}
