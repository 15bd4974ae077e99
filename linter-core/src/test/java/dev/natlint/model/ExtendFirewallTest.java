package dev.natlint.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.RealCorpus;
import dev.natlint.parse.Command;
import dev.natlint.parse.ParsedScript;
import dev.natlint.parse.RouterOsReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checking a fix replays only the interfaces and the firewall tables the fix touches. That shortcut
 * must give exactly the configuration a full build of the script plus the fix gives.
 */
class ExtendFirewallTest {

    /** Fix-like snippets: rules placed first, appended, moved, and one that names an unknown port. */
    private static final List<String> SNIPPETS = List.of(
            "/ip firewall filter add action=accept chain=forward connection-nat-state=dstnat place-before=0",
            "/ip firewall nat add action=masquerade chain=srcnat src-address=192.168.88.0/24"
                    + " dst-address=192.168.88.10 out-interface=bridge comment=\"hairpin\"",
            "/ip firewall nat add action=masquerade chain=srcnat place-before=1 out-interface-list=LAN\n"
                    + "/ip firewall filter add action=drop chain=forward in-interface=ether1",
            "/ip firewall nat move 1 0",
            "/ip firewall nat add action=masquerade chain=srcnat out-interface=ether9");

    static Stream<Path> corpus() throws Exception {
        return RealCorpus.files().stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void equalsAFullBuildOnRealExports(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        int fastPaths = 0;
        for (String snippet : SNIPPETS) {
            fastPaths += assertSameAsFullBuild(file.toString(), text, snippet) ? 1 : 0;
        }
        assertThat(fastPaths).as("the shortcut is taken for most firewall-only snippets").isGreaterThanOrEqualTo(3);
    }

    @Test
    void renamesBeforeTheFirewallAreApplied() {
        String text = """
                /interface ethernet
                set [ find default-name=ether2 ] name=lan
                /ip firewall filter
                add action=drop chain=forward in-interface=ether2
                /interface ethernet
                set [ find default-name=ether2 ] name=lan2
                """;
        assertThat(assertSameAsFullBuild("r.rsc", text,
                "/ip firewall filter add action=accept chain=forward in-interface=lan2 place-before=0")).isTrue();
    }

    @Test
    void anythingBeyondTheFirewallTakesTheFullBuild() {
        ParsedScript script = RouterOsReader.read("x.rsc", "/ip address add address=10.0.0.1/24 interface=ether2\n");
        RouterConfig base = ConfigBuilder.build(script);
        ParsedScript extra = RouterOsReader.read("x.rsc", "/interface list add name=LAN\n", 2);
        assertThat(ConfigBuilder.extendFirewall(base, script, extra)).isEmpty();
    }

    /** Returns whether the shortcut applied; either way the result must equal a full build. */
    private static boolean assertSameAsFullBuild(String file, String text, String snippet) {
        ParsedScript script = RouterOsReader.read(file, text);
        RouterConfig base = ConfigBuilder.build(script);
        int lines = (int) text.chars().filter(c -> c == '\n').count() + (text.endsWith("\n") ? 0 : 1);
        ParsedScript extra = RouterOsReader.read(file, snippet + "\n", lines + 1);
        List<Command> all = new ArrayList<>(script.commands());
        all.addAll(extra.commands());
        RouterConfig full = ConfigBuilder.build(new ParsedScript(file, all, List.of(), script.commentsByLine(),
                script.routerOsVersion()));
        Optional<RouterConfig> fast = ConfigBuilder.extendFirewall(base, script, extra);
        fast.ifPresent(c -> assertThat(c).as(file + " + " + snippet).isEqualTo(full));
        return fast.isPresent();
    }
}
