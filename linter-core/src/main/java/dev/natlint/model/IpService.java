package dev.natlint.model;

import dev.natlint.diag.Location;
import java.util.List;

/**
 * A router service from {@code /ip service} (www, ssh, winbox...). Every router has them, enabled on
 * their default ports, unless the script changes them; {@code location} is null for such defaults.
 * {@code allowedFrom} is the {@code address=} restriction, empty when open to all.
 */
public record IpService(String name, int port, boolean disabled, List<String> allowedFrom, Location location) {

    public IpService {
        allowedFrom = List.copyOf(allowedFrom);
    }
}
