package dev.natlint.testconfigs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checks every fix must pass reject the unsafe fixes natlint used to print (issue 15). */
class FixSafetyTest {

    private static final Path RDP = Path.of("rules/dstnat-unreachable-from-lan/bad-source-restricted.rsc");

    @Test
    void removingTheSourceListOpensTheForwardToTheInternetAndIsRejected() throws IOException {
        String text = Files.readString(RDP, StandardCharsets.UTF_8);
        // the fix natlint printed before issue 15: RDP open to every internet client
        String widened = "/ip firewall nat set [find where comment=\"RDP for admins\"] !in-interface-list !src-address-list"
                + " dst-address=203.0.113.2";
        assertThatThrownBy(() -> FixSafety.assertNoAccessWidened(RDP.toString(), text, text + widened + "\n", widened))
                .isInstanceOf(AssertionError.class).hasMessageContaining("did not admit");
        assertThatThrownBy(() -> FixSafety.assertImportable(widened)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("source restriction");
        // replacing only the interface list by the public address keeps the admins-only limit
        String kept = "/ip firewall nat set [find where comment=\"RDP for admins\"] !in-interface-list dst-address=203.0.113.2";
        assertThatCode(() -> FixSafety.assertNoAccessWidened(RDP.toString(), text, text + kept + "\n", kept))
                .doesNotThrowAnyException();
    }

    @Test
    void printNumbersAndUncommentedAddsAreRejected() {
        assertThatThrownBy(() -> FixSafety.assertImportable("/ip firewall nat set 1 out-interface-list=WAN"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> FixSafety.assertImportable("/ip firewall nat move [find where comment=a] destination=0"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> FixSafety.assertImportable(
                "/ip firewall filter add action=accept chain=forward place-before=3 comment=\"natlint: x\""))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> FixSafety.assertImportable("/ip firewall nat add action=masquerade chain=srcnat"))
                .isInstanceOf(AssertionError.class);
        assertThatCode(() -> FixSafety.assertImportable("/ip firewall nat add action=accept chain=srcnat"
                + " place-before=[find where comment=\"x\"] comment=\"natlint: y\"")).doesNotThrowAnyException();
    }
}
