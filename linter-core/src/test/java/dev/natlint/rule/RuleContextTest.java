package dev.natlint.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleContextTest {

    private static void readsLikeTheFixedFile(String original, String snippet) {
        RuleContext appended = RuleContext.of("f.rsc", original).withAppended(snippet);
        RuleContext fresh = RuleContext.of("f.rsc", appended.text());
        assertThat(appended.script().commands()).isEqualTo(fresh.script().commands());
        assertThat(appended.script().syntaxFindings()).isEqualTo(fresh.script().syntaxFindings());
        assertThat(appended.config().interfaceLists()).isEqualTo(fresh.config().interfaceLists());
    }

    @Test
    void aFixAppendedToACleanFileIsReadOnItsOwnLikeInTheWholeFile() {
        readsLikeTheFixedFile("/interface list add name=LAN\n/ip firewall filter add chain=forward in-interface-list=!VLAN\n",
                "/interface list add name=VLAN");
    }

    @Test
    void aFixAppendedAfterAContinuationBackslashJoinsTheLastLine() {
        // found by the fix-application fuzz target: the snippet was read on its own, while in the fixed
        // file the backslash continues the last line with it
        readsLikeTheFixedFile("/ip firewall filter\nadd chain=forward in-interface-list=!VLAN\n\\",
                "/interface list add name=VLAN");
    }

    @Test
    void aFixAppendedAfterAContinuationAndALineBreakJoinsTheLastLine() {
        // found by the fix-application fuzz target: this file has no syntax error (its last line just
        // ends), but a fix appended to it continues that line
        readsLikeTheFixedFile("/ip firewall filter\nadd chain=forward in-interface-list=!VLAN \\\n",
                "/interface list add name=VLAN");
        readsLikeTheFixedFile("/ip firewall filter\r\nadd chain=forward in-interface-list=!VLAN \\  \r\n",
                "/interface list add name=VLAN");
    }

    @Test
    void aFixAppendedToAFileWithLoneCarriageReturnsIsNumberedAsInTheWholeFile() {
        // found by the fix-application fuzz target: the snippet's lines were numbered counting a lone
        // CR as a line break, the reader (ANTLR) counts LF only
        readsLikeTheFixedFile("\r# x\n/ip firewall nat\radd chain=srcnat action=accept\r\n", "/interface list add name=VLAN");
        readsLikeTheFixedFile("/ip firewall nat add chain=srcnat action=accept\r", "/interface list add name=VLAN");
    }

    @Test
    void aFixAppendedAfterAnOpenQuoteOrBraceIsReadWithIt() {
        readsLikeTheFixedFile("/ip firewall filter add chain=forward comment=\"open", "/interface list add name=VLAN");
        readsLikeTheFixedFile("{\n/ip firewall filter add chain=forward in-interface-list=!VLAN\n", "/interface list add name=VLAN");
    }
}
