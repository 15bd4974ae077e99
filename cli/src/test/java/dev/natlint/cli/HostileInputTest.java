package dev.natlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile input never crashes or hangs natlint: each case ends with findings or one line
 * on stderr, exit code 0, 1 or 2, and no stack trace. The timeout only guards against a hang; speed is
 * measured in bench/, not here.
 */
class HostileInputTest {

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

    private Run check(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        byte[] before = Files.readAllBytes(f);
        Run r = natlint("check", "--format", "json", f.toString());
        assertThat(r.code()).isBetween(0, 2);
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(f)).as("natlint never writes to what it reads").isEqualTo(before);
        return r;
    }

    private Run check(String name, String content) throws IOException {
        return check(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tenMegabyteSingleLine() throws IOException {
        Run r = check("long.rsc", "/ip firewall nat add chain=srcnat comment=" + "x".repeat(10_000_000) + "\n");
        assertThat(r.code()).isZero();
    }

    @Test
    void deeplyNestedBracesAndBrackets() throws IOException {
        assertThat(check("braces.rsc", "{".repeat(100_000)).out()).contains("\"ruleId\": \"syntax\"");
        assertThat(check("brackets.rsc", ":put " + "[".repeat(100_000) + "\n").out()).contains("\"ruleId\": \"syntax\"");
    }

    @Test
    void nulBytesAndInvalidUtf8() throws IOException {
        byte[] bytes = "/ip address add address=10.0.0.1/24 interface=ether1 comment=\"a\u0000b\"\n/x add y=\u00ff\u00fe\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        check("binary.rsc", bytes);
    }

    @Test
    void millionLineAddressList() throws IOException {
        StringBuilder sb = new StringBuilder("/ip firewall address-list\n");
        for (int i = 0; i < 1_000_000; i++) {
            sb.append("add list=big address=10.").append((i >> 16) & 0xFF).append('.').append((i >> 8) & 0xFF).append('.')
                    .append(i & 0xFF).append('\n');
        }
        sb.append("/ip firewall filter add chain=forward action=drop src-address-list=big\n");
        assertThat(check("million.rsc", sb.toString()).code()).isZero();
    }

    @Test
    void mixedLineEndingsAndContinuationAtEndOfFile() throws IOException {
        assertThat(check("mixed.rsc", "/ip address\r\nadd address=10.0.0.1/24 interface=ether1\n/ip firewall nat\r\nadd chain=srcnat action=masquerade out-interface=ether1 \\").out())
                .contains("continuation backslash at end of file");
    }

    @Test
    void ruleWithTenThousandProperties() throws IOException {
        StringBuilder sb = new StringBuilder("/ip firewall nat add chain=srcnat action=masquerade out-interface=ether1");
        for (int i = 0; i < 10_000; i++) {
            sb.append(" custom-").append(i).append('=').append(i);
        }
        check("wide.rsc", sb.append('\n').toString());
    }

    @Test
    void jumpLoopBetweenCustomChains() throws IOException {
        Run r = check("loop.rsc", """
                /ip address add address=192.168.1.1/24 interface=bridge
                /ip address add address=203.0.113.2/24 interface=ether1
                /ip route add gateway=203.0.113.1
                /ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80 action=dst-nat to-addresses=192.168.1.10
                /ip firewall filter add chain=forward action=jump jump-target=a
                /ip firewall filter add chain=a action=jump jump-target=b
                /ip firewall filter add chain=b action=jump jump-target=a
                """);
        assertThat(r.code()).isBetween(0, 1);
    }

    @Test
    void unreadableFilesAndSymlinkLoops() throws IOException {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("sub"));
        Files.writeString(tree.resolve("ok.rsc"), "/ip address add address=10.0.0.1/24 interface=ether1\n");
        Files.createSymbolicLink(tree.resolve("dangling.rsc"), tree.resolve("missing-target.rsc"));
        Files.createSymbolicLink(tree.resolve("sub/loop"), tree);
        Run r = natlint("check", tree.toString());
        assertThat(r.code()).isBetween(0, 2);
        assertThat(r.out()).contains("symbolic link loop").doesNotContain("Exception");
    }
}
