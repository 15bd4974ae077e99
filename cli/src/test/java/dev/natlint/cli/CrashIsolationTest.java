package dev.natlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad file never sinks the run: each hostile script is checked in a directory beside the example's
 * broken config, whose hairpin finding must survive, and the run ends with a defined exit code.
 */
class CrashIsolationTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run natlint(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
            return new Run(code, out.toString(), err.toString());
        });
    }

    private Run checkBesideBrokenConfig(String hostile) throws IOException {
        Files.copy(Path.of("..", "examples", "hairpin-broken.rsc"), dir.resolve("broken.rsc"));
        Path bad = dir.resolve("hostile.rsc");
        Files.writeString(bad, hostile);
        Run r = natlint("check", "--format", "json", dir.toString());
        assertThat(r.err()).doesNotContain("internal error");
        assertThat(r.out()).doesNotContain("\tat ");
        assertThat(r.code()).as("findings at error level, not a usage or I/O failure").isEqualTo(1);
        assertThat(r.out()).as("the normal config's finding survives")
                .containsPattern("\"path\": \"[^\"]*broken\\.rsc\",\\s*\"findings\": \\[\\s*\\{\\s*"
                        + "\"ruleId\": \"hairpin-missing-masquerade\",\\s*\"severity\": \"error\",\\s*\"line\": 14,");
        assertThat(Files.readString(bad)).as("natlint never writes to what it reads").isEqualTo(hostile);
        return r;
    }

    static Stream<Arguments> hostileScripts() {
        String nat = "/ip firewall nat\nadd action=masquerade chain=srcnat\n";
        String address = "/ip address\nadd address=10.0.0.1/24 interface=ether1\n";
        return Stream.of(
                Arguments.of("issue reproduction", nat + "set 99999999999 disabled=yes\n",
                        "item number 99999999999 is out of range"),
                Arguments.of("item number 2^31 - 1", nat + "set 2147483647 disabled=yes\n", null),
                Arguments.of("item number 2^31", nat + "set 2147483648 disabled=yes\n",
                        "item number 2147483648 is out of range"),
                Arguments.of("item number 2^63 - 1", nat + "remove 9223372036854775807\n",
                        "item number 9223372036854775807 is out of range"),
                Arguments.of("item number 2^63", nat + "disable numbers=9223372036854775808\n",
                        "item number 9223372036854775808 is out of range"),
                Arguments.of("place-before 2^63", nat + "add chain=srcnat action=accept place-before=9223372036854775808\n",
                        "item number 9223372036854775808 is out of range"),
                Arguments.of("move destination 2^31", nat + "move 0 destination=2147483648\n",
                        "item number 2147483648 is out of range"),
                Arguments.of("port 2^31", address + "/ip firewall nat\nadd chain=dstnat protocol=tcp dst-port=2147483648"
                        + " action=dst-nat to-addresses=10.0.0.5\n", "port 2147483648 is out of range"),
                Arguments.of("port 2^63", "/ip firewall filter\nadd chain=forward protocol=tcp dst-port=1-9223372036854775808"
                        + " action=drop\n", "port 9223372036854775808 is out of range"),
                Arguments.of("to-ports 65536", address + "/ip firewall nat\nadd chain=dstnat protocol=tcp dst-port=80"
                        + " action=dst-nat to-addresses=10.0.0.5 to-ports=65536\n", "port 65536 is out of range"),
                Arguments.of("prefix length 33", "/ip address\nadd address=10.0.0.1/33 interface=ether1\n",
                        "prefix length 33 is out of range"),
                Arguments.of("VLAN id 4095", "/interface vlan\nadd interface=ether1 name=v vlan-id=4095\n",
                        "VLAN id 4095 is out of range"),
                Arguments.of("route distance 2^31", "/ip route\nadd gateway=10.0.0.254 distance=2147483648\n",
                        "distance 2147483648 is out of range"),
                Arguments.of("set on an item removed earlier", nat + "remove 0\nset 0 disabled=yes\n", null),
                Arguments.of("move onto itself", nat + "add chain=srcnat action=accept\nmove 1 destination=1\n", null),
                Arguments.of("place-before past the end", nat + "add chain=srcnat action=accept place-before=57\n", null),
                Arguments.of("100,000 set commands on one item",
                        nat + "set 0 comment=x\n".repeat(100_000), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileScripts")
    void hostileScriptBesideBrokenConfig(String name, String script, String expectedSyntax) throws IOException {
        Run r = checkBesideBrokenConfig(script);
        if (expectedSyntax != null) {
            assertThat(r.out()).contains("\"ruleId\": \"syntax\"").contains(expectedSyntax);
        } else {
            assertThat(r.out()).doesNotContain("out of range");
        }
        assertThat(r.out()).doesNotContain("internal-error");
    }

    @Test
    void failingStageBecomesAFindingAndOtherFilesSurvive() throws IOException {
        Files.copy(Path.of("..", "examples", "hairpin-broken.rsc"), dir.resolve("broken.rsc"));
        Files.writeString(dir.resolve("explodes.rsc"), "# " + ExplodingRule.MARKER + "\n"
                + Files.readString(Path.of("..", "examples", "hairpin-broken.rsc")));
        Run r = natlint("check", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("broken.rsc:14:1: error:")
                .contains("explodes.rsc:1:1: error: natlint failed while rule test-exploding-stage"
                        + " (java.lang.IllegalStateException: injected failure)")
                .contains("Please report this with the file. [internal-error]")
                // the failing file's other rules still report
                .contains("explodes.rsc:15:1: error:");
    }

    @Test
    void internalErrorBelowTheThresholdDoesNotFail() throws IOException {
        Files.writeString(dir.resolve("explodes.rsc"), "# " + ExplodingRule.MARKER + "\n");
        Run r = natlint("check", "--severity", "internal-error=warning", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("warning: natlint failed while rule test-exploding-stage");
    }
}
