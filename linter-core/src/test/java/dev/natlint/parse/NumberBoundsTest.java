package dev.natlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.diag.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberBoundsTest {

    @ParameterizedTest(name = "{0} within [{1}, {2}]: {3}")
    @CsvSource({
            "0, 0, 65535, true",
            "65535, 0, 65535, true",
            "65536, 0, 65535, false",
            "2147483647, 0, 2147483647, true",
            "2147483648, 0, 2147483647, false",
            "9223372036854775807, 0, 2147483647, false",
            "9223372036854775808, 0, 2147483647, false",
            "99999999999999999999999999999999999999, 0, 2147483647, false",
            "0, 1, 4094, false",
            "4094, 1, 4094, true",
            "00000000000000000000000000080, 0, 65535, true"})
    void fitsNeverOverflows(String digits, long min, long max, boolean expected) {
        assertThat(NumberBounds.fits(digits, min, max)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "parse({0}) = {1}")
    @CsvSource({"7, 7", "2147483647, 2147483647", "2147483648, -1", "9223372036854775808, -1", "-1, -1", "x, -1",
            "'', -1"})
    void parseGivesMinusOneInsteadOfThrowing(String text, int expected) {
        assertThat(NumberBounds.parse(text, Integer.MAX_VALUE)).isEqualTo(expected);
    }

    private static List<String> problems(String script) {
        return RouterOsReader.read("t.rsc", script).syntaxFindings().stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/ip firewall nat set 99999999999 disabled=yes | 1:22 item number 99999999999 is out of range (0-2147483647)",
            "/ip firewall nat set 0,2147483648 disabled=yes | 1:22 item number 2147483648 is out of range (0-2147483647)",
            "/ip firewall nat add chain=srcnat action=accept place-before=9223372036854775808 | 1:49 item number 9223372036854775808 is out of range (0-2147483647)",
            "/ip firewall filter add chain=forward protocol=tcp dst-port=80,70000-70001 action=drop | 1:52 port 70000 is out of range (0-65535)",
            "/ip firewall nat add chain=dstnat action=dst-nat to-addresses=10.0.0.1 to-ports=!65536 | 1:72 port 65536 is out of range (0-65535)",
            "/interface vlan add interface=ether1 name=v vlan-id=0 | 1:45 VLAN id 0 is out of range (1-4094)",
            "/ip route add gateway=10.0.0.1 distance=256 | 1:32 distance 256 is out of range (0-255)",
            "/ip address add address=10.0.0.1/33 interface=ether1 | 1:17 prefix length 33 is out of range (0-32)"})
    void outOfRangeNumbersAreSyntaxFindingsAtTheirToken(String script, String expected) {
        assertThat(problems(script + "\n")).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/ip firewall nat set 2147483647 disabled=yes",
            "/ip firewall nat set *7FFFFFFFFFFFFFFFFF disabled=yes",
            "/ip firewall filter add chain=forward protocol=tcp dst-port=0-65535 action=drop",
            "/interface vlan add interface=ether1 name=v vlan-id=4094",
            "/ip route add gateway=10.0.0.1 distance=255 dst-address=0.0.0.0/0",
            "/ip firewall nat set [find comment=x] to-ports=$port"})
    void inRangeNumbersNamesAndVariablesPass(String script) {
        assertThat(problems(script + "\n")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void findingIsTheSyntaxRule() {
        List<Finding> f = RouterOsReader.read("t.rsc", "/ip firewall nat set 99999999999 disabled=yes\n").syntaxFindings();
        assertThat(f).extracting(Finding::ruleId).containsExactly(RouterOsReader.SYNTAX_RULE);
    }
}
