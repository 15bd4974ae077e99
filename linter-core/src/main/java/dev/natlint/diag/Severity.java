package dev.natlint.diag;

import java.util.Locale;

/** How bad a finding is. Ordered from most to least severe. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Lower-case name as used on the command line, in reports and in SARIF-like text. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses {@code error}, {@code warning} or {@code info}, case-insensitively. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected error, warning or info)");
    }
}
