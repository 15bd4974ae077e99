package dev.natlint.model;

import java.util.List;

/** The IPv4 firewall tables natlint reads; each is an ordered list of rules in chains. */
public enum Table {
    NAT(List.of("ip", "firewall", "nat")),
    FILTER(List.of("ip", "firewall", "filter")),
    MANGLE(List.of("ip", "firewall", "mangle")),
    RAW(List.of("ip", "firewall", "raw"));

    private final List<String> path;

    Table(List<String> path) {
        this.path = path;
    }

    public List<String> path() {
        return path;
    }

    /** Console form, e.g. {@code /ip firewall nat}. */
    public String menu() {
        return "/" + String.join(" ", path);
    }

    public static Table forPath(List<String> path) {
        for (Table t : values()) {
            if (t.path.equals(path)) {
                return t;
            }
        }
        return null;
    }
}
