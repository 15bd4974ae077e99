package dev.natlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Finding;
import dev.natlint.rule.RuleContext;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * hairpin-filtered checks its fixes (each an analysis of the file with something appended) ahead, on
 * the other cores. Its findings must be those it gives checking each fix where the finding needs it,
 * on one thread: the same later drops named, the same fixes completed, and the budget running out at
 * the same finding.
 */
class FixChecksAheadTest {

    /** 60 forwards to servers on 12 VLANs that may not reach each other, final drops, some hairpin masquerades. */
    private static String router(long seed) {
        Random rnd = new Random(seed);
        StringBuilder s = new StringBuilder("""
                /interface ethernet set [ find default-name=ether1 ] name=wan
                /interface bridge add name=bridge
                /interface list add name=WAN
                /interface list member add interface=wan list=WAN
                /ip address add address=203.0.113.2/24 interface=wan
                /ip route add gateway=203.0.113.1
                /ip firewall filter add chain=forward action=accept connection-state=established,related
                """);
        for (int v = 0; v < 12; v++) {
            s.append("/interface vlan add interface=bridge name=vlan").append(v).append(" vlan-id=").append(10 + v).append('\n');
            s.append("/ip address add address=10.0.").append(v).append(".1/24 interface=vlan").append(v).append('\n');
            // no VLAN reaches another: one drop rule per VLAN, so each server's VLAN has a fix of its own
            s.append("/ip firewall filter add chain=forward action=drop out-interface=vlan").append(v)
                    .append(" in-interface=!vlan").append(v).append(" comment=\"protect vlan").append(v).append("\"\n");
        }
        s.append("/ip firewall filter add chain=forward action=drop in-interface-list=!WAN\n");
        s.append("/ip firewall filter add chain=forward action=drop\n");
        for (int i = 0; i < 60; i++) {
            int v = rnd.nextInt(12);
            String server = "10.0." + v + "." + (10 + rnd.nextInt(200));
            s.append("/ip firewall nat add chain=dstnat action=dst-nat dst-address=203.0.113.2 protocol=tcp dst-port=")
                    .append(3000 + i).append(" to-addresses=").append(server).append('\n');
            if (rnd.nextInt(3) == 0) {
                s.append("/ip firewall nat add chain=srcnat action=masquerade src-address=10.0.").append(v)
                        .append(".0/24 dst-address=").append(server).append(" protocol=tcp out-interface=vlan").append(v).append('\n');
            }
        }
        s.append("/ip firewall nat add chain=srcnat action=masquerade out-interface=wan\n");
        return s.toString();
    }

    @Test
    void findingsAreTheSameOnOneThreadAndOnMany() {
        for (long seed = 1; seed <= 3; seed++) {
            String script = router(seed);
            List<Finding> serial = new HairpinFilteredRule(1).check(RuleContext.of("r.rsc", script));
            // the budget ran out part way, and before that fixes were checked and later drops named
            assertThat(serial).hasSizeGreaterThan(30);
            assertThat(serial).anyMatch(f -> f.fix().description().contains("not re-checked"));
            assertThat(serial).anyMatch(f -> !f.fix().description().contains("not re-checked"));
            assertThat(serial).anyMatch(f -> f.message().contains("would drop it too"));
            for (int threads : new int[] {2, 3, 8}) {
                // a fresh context each time: the budget is counted per context
                List<Finding> parallel = new HairpinFilteredRule(threads).check(RuleContext.of("r.rsc", script));
                assertThat(parallel).as("seed %d on %d threads", seed, threads).containsExactlyElementsOf(serial);
            }
        }
    }
}
