package dev.natlint.diag;

/** Another line a finding is about (the rule that drops, shadows or takes first), with its part in it. */
public record Related(Location location, String message) {

    public Related {
        if (location == null || message == null) {
            throw new IllegalArgumentException("location and message are required");
        }
    }
}
