package dev.natlint.report;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import dev.natlint.rule.RuleInfo;
import java.util.List;

/** Small hand-made reports shared by the reporter tests. */
final class Samples {

    static final RuleInfo HAIRPIN = new RuleInfo("hairpin-missing-masquerade", Severity.ERROR,
            "Port forward without hairpin NAT", "LAN clients that use the public address get no answer.",
            "# hairpin-missing-masquerade\n\nAdd a **masquerade** rule.\n");
    static final RuleInfo MASQ = new RuleInfo("masquerade-unrestricted", Severity.WARNING,
            "Masquerade without out-interface", "Masquerades traffic that never leaves the router.", "# masq");
    static final RuleInfo UNUSED = new RuleInfo("dst-nat-unreachable", Severity.INFO,
            "Shadowed dst-nat rule", "An earlier rule takes every packet.", "# shadowed");

    /** Quotes, a tab, a backslash, an en dash, a control character and a line break. */
    static final String TRICKY = "LAN client \"x\" -> 1.1.1.1:80/tcp\tdrops\u2013it\\ \u0001 end";

    static final Fix HAIRPIN_FIX = new Fix("add hairpin NAT", "/ip firewall nat add action=masquerade\n# or narrower");

    private Samples() {
    }

    static Finding finding(String rule, Severity s, String file, int line, int col, String message, Fix fix) {
        return new Finding(rule, s, new Location(file, line, col), message, fix);
    }

    /**
     * Two files given out of order, findings out of order, one finding with a fix, and one of an
     * unregistered rule ({@code syntax}).
     */
    static Report mixed() {
        Finding hairpin = finding("hairpin-missing-masquerade", Severity.ERROR, "sites/edge.rsc", 14, 1,
                "no hairpin for 192.168.1.0/24", HAIRPIN_FIX);
        Finding masq = finding("masquerade-unrestricted", Severity.WARNING, "sites/edge.rsc", 3, 1, "broad", null);
        Finding syntax = finding("syntax", Severity.ERROR, "core.rsc", 2, 7, "unclosed quote", null);
        return new Report(List.of(new FileReport("sites/edge.rsc", List.of(hairpin, masq)),
                new FileReport("core.rsc", List.of(syntax))), List.of(MASQ, HAIRPIN, UNUSED));
    }

    /** One finding whose message, path and fix carry every awkward character. */
    static Report tricky() {
        Finding f = finding("hairpin-missing-masquerade", Severity.WARNING, "dir with space/r\u00e9seau \"q\".rsc", 1, 2,
                TRICKY + "\nsecond line", new Fix("fix \"it\"\t\u2013 now\\", "/ip a\r\n/ip b\\c \u001f"));
        return new Report(List.of(new FileReport("dir with space/r\u00e9seau \"q\".rsc", List.of(f))), List.of(HAIRPIN));
    }

    static Report clean(int files) {
        List<FileReport> reports = new java.util.ArrayList<>();
        for (int i = 0; i < files; i++) {
            reports.add(new FileReport("f" + i + ".rsc", List.of()));
        }
        return new Report(reports, List.of(HAIRPIN, MASQ));
    }
}
