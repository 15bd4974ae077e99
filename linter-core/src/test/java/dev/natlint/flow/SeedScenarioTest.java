package dev.natlint.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.model.ConfigBuilder;
import dev.natlint.net.Ipv4;
import dev.natlint.parse.RouterOsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step tables of the hairpin article (shared/docs/seed-hairpin.md), reproduced by trace. */
class SeedScenarioTest {

    private static Flow trace(String file, String from) throws IOException {
        Path p = Path.of("../test-configs/scenarios", file);
        FlowAnalyzer a = FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read(file, Files.readString(p))));
        return a.trace(Ipv4.parse(from).orElseThrow(), Ipv4.parse("1.1.1.1").orElseThrow(), 6, 80, null).orElseThrow();
    }

    private static List<String> hops(Flow f) {
        return f.steps().stream().map(s -> s.source() + " -> " + s.destination()).toList();
    }

    @Test
    void internetClientWorksInFourSteps() throws IOException {
        Flow f = trace("seed-hairpin-broken.rsc", "2.2.2.2");
        assertThat(f.verdict()).isEqualTo(Verdict.OK);
        assertThat(hops(f)).containsExactly("2.2.2.2 -> 1.1.1.1", "2.2.2.2 -> 192.168.1.2", "192.168.1.2 -> 2.2.2.2",
                "1.1.1.1 -> 2.2.2.2");
        assertThat(f.steps().get(1).ruleLine()).isEqualTo(14);
        assertThat(f.source().iface()).isEqualTo("WAN");
    }

    @Test
    void lanClientBreaksAfterThreeSteps() throws IOException {
        Flow f = trace("seed-hairpin-broken.rsc", "192.168.1.10");
        assertThat(f.verdict()).isEqualTo(Verdict.REPLY_BYPASSES_ROUTER);
        assertThat(hops(f)).containsExactly("192.168.1.10 -> 1.1.1.1", "192.168.1.10 -> 192.168.1.2",
                "192.168.1.2 -> 192.168.1.10");
        assertThat(f.steps().get(2).what()).contains("directly").contains("bypassing the router");
    }

    @Test
    void hairpinRuleMakesTheLanClientWork() throws IOException {
        Flow f = trace("seed-hairpin-fixed.rsc", "192.168.1.10");
        assertThat(f.verdict()).isEqualTo(Verdict.OK);
        assertThat(hops(f)).containsExactly("192.168.1.10 -> 1.1.1.1", "192.168.1.1 -> 192.168.1.2",
                "192.168.1.2 -> 192.168.1.1", "1.1.1.1 -> 192.168.1.10");
    }

    @Test
    void explainCoversEveryClientOnce() throws IOException {
        Path p = Path.of("../test-configs/scenarios/seed-hairpin-broken.rsc");
        FlowAnalyzer a = FlowAnalyzer.of(ConfigBuilder.build(RouterOsReader.read("s", Files.readString(p))));
        List<Flow> flows = a.flows();
        assertThat(flows).extracting(fl -> fl.source().name() + " " + fl.verdict().id())
                .containsExactly("LAN LAN 192.168.1.0/24 reply-bypasses-router", "internet via WAN ok");
        // LAN: hosts .2-.254 (router .1, network and broadcast excluded); internet: every address but the
        // LAN subnet and the router's public address
        long lan = flows.get(0).packets().project(dev.natlint.flow.packet.Field.SRC_ADDRESS).size();
        long internet = flows.get(1).packets().project(dev.natlint.flow.packet.Field.SRC_ADDRESS).size();
        assertThat(lan).isEqualTo(253);
        assertThat(internet).isEqualTo((1L << 32) - 256 - 1);
    }
}
