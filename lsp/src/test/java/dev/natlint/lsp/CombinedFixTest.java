package dev.natlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Fix;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinedFixTest {

    @Test
    void eachDistinctSnippetOnceInReportOrderWithItsComment() {
        Fix a = new Fix("first", "/ip firewall nat add action=masquerade chain=srcnat");
        Fix b = new Fix("second", "/ip firewall filter add action=accept chain=forward\n");
        Fix sameAsA = new Fix("first again, worded differently", "/ip firewall nat add action=masquerade chain=srcnat\n");
        Fix combined = CombinedFix.of(List.of(a, b, sameAsA));
        assertThat(combined.snippet()).isEqualTo("# natlint fix: first\n/ip firewall nat add action=masquerade chain=srcnat\n"
                + "# natlint fix: second\n/ip firewall filter add action=accept chain=forward\n");
        assertThat(combined.description()).isEqualTo("2 fixes");
    }
}
