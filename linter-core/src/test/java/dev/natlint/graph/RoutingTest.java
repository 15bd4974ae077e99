package dev.natlint.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.model.ConfigBuilder;
import dev.natlint.net.Ipv4;
import dev.natlint.parse.RouterOsReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Routing and reply paths as queries on the topology graph. */
class RoutingTest {

    private static final String LAN_ROUTER = """
            /interface bridge add name=bridge
            /interface bridge port add bridge=bridge interface=ether2
            /ip address add address=192.168.88.1/24 interface=bridge
            /ip address add address=203.0.113.2/24 interface=ether1
            /ip route add gateway=203.0.113.1
            /ip route add dst-address=10.20.30.0/24 gateway=192.168.88.2
            """;

    private static Topology topology(String script) {
        return Topology.of(ConfigBuilder.build(RouterOsReader.read("r.rsc", script)));
    }

    private static long ip(String s) {
        return Ipv4.parse(s).orElseThrow();
    }

    @Test
    void forwardPathWalksFromTheRouterThroughTheGatewayToTheNetworkBehindIt() {
        Topology t = topology(LAN_ROUTER);
        Path p = t.routing().forward(ip("10.20.30.40")).orElseThrow();
        assertThat(p.describe()).isEqualTo("router -> bridge -> 192.168.88.0/24 -> gateway 192.168.88.2 -> 10.20.30.0/24");
        assertThat(p.route().orElseThrow().line()).isEqualTo(6);
        assertThat(t.routing().forward(ip("192.168.88.7")).orElseThrow().describe())
                .isEqualTo("router -> bridge -> 192.168.88.0/24");
        assertThat(t.routing().forward(ip("8.8.8.8")).orElseThrow().describe())
                .isEqualTo("router -> ether1 -> 203.0.113.0/24 -> gateway 203.0.113.1 -> internet");
    }

    @Test
    void replyPathStartsAtTheServersGateway() {
        Topology t = topology(LAN_ROUTER);
        Routing.ServerGateway gw = t.routing().serverGateway(ip("10.20.30.40")).orElseThrow();
        assertThat(gw.viaLanRouter()).isTrue();
        assertThat(Ipv4.format(gw.lanRouter())).isEqualTo("192.168.88.2");
        // the LAN router delivers straight to a client on its own subnet: the reply never reaches the router
        Path direct = t.routing().reply(ip("10.20.30.40"), ip("192.168.88.50")).orElseThrow();
        assertThat(direct.describe()).isEqualTo("10.20.30.0/24 -> gateway 192.168.88.2 -> 192.168.88.0/24");
        assertThat(direct.hops()).noneMatch(h -> h.to() instanceof Node.RouterNode);
        Path out = t.routing().reply(ip("10.20.30.40"), ip("8.8.8.8")).orElseThrow();
        assertThat(out.describe()).isEqualTo("10.20.30.0/24 -> gateway 192.168.88.2 -> 192.168.88.0/24 -> bridge -> router"
                + " -> ether1 -> 203.0.113.0/24 -> gateway 203.0.113.1 -> internet");
        // a server on a connected subnet has the router as its gateway
        Routing.ServerGateway own = t.routing().serverGateway(ip("192.168.88.10")).orElseThrow();
        assertThat(own.viaLanRouter()).isFalse();
        assertThat(t.routing().reply(ip("192.168.88.10"), ip("192.168.88.50")).orElseThrow().hops()).isEmpty();
    }

    @Test
    void aLearnedDefaultRouteCompetesWithAStaticOneByDistance() {
        String twoUplinks = """
                /ip address add address=198.51.100.10/24 interface=ether2
                /ip dhcp-client add interface=ether1
                /ip route add gateway=198.51.100.1 distance=2
                """;
        Topology t = topology(twoUplinks);
        assertThat(t.route(ip("8.8.8.8")).orElseThrow().description()).isEqualTo("default route learned on ether1");
        assertThat(t.routing().forward(ip("8.8.8.8")).orElseThrow().describe())
                .isEqualTo("router -> ether1 -> gateway on ether1 -> internet");
        Topology staticWins = topology(twoUplinks.replace("distance=2", "distance=1"));
        assertThat(staticWins.route(ip("8.8.8.8")).orElseThrow().iface()).isEqualTo("ether2");
        assertThat(t.uplinks()).containsExactly("ether1", "ether2");
    }

    @Test
    void routesOfOtherTablesAreEdgesButNotLookedUpInMain() {
        Topology t = topology(LAN_ROUTER + "/ip route add gateway=192.168.88.3 routing-table=backup\n");
        assertThat(t.routing().routes("backup")).hasSize(1);
        assertThat(t.routing().routes("backup").get(0).route().iface()).isEqualTo("bridge");
        assertThat(t.route(ip("8.8.8.8")).orElseThrow().iface()).isEqualTo("ether1");
    }

    /**
     * Against a plain scan over the configuration, written here from RouterOS's rules: the longest
     * prefix wins; at equal prefix a connected subnet, then the lowest distance, then a static route over
     * one a DHCP client learns, then the first written.
     */
    @Test
    void lookupAgreesWithAScanOverEveryRoute() {
        Random random = new Random(12);
        for (int round = 0; round < 20; round++) {
            StringBuilder script = new StringBuilder();
            List<long[]> connected = new ArrayList<>(); // network, length, iface index
            List<long[]> routes = new ArrayList<>();    // network, length, distance, iface index (-1 blackhole), line
            int line = 0;
            for (int i = 0; i < 4; i++) {
                int len = 16 + random.nextInt(9);
                long net = (0x0A000000L | ((long) random.nextInt(4) << 16) | ((long) i << 8)) & Ipv4.mask(len);
                script.append("/ip address add address=").append(Ipv4.format(net + 1)).append('/').append(len)
                        .append(" interface=ether").append(i + 1).append('\n');
                line++;
                connected.add(new long[] {net, len, i});
            }
            boolean dhcp = random.nextBoolean();
            int dhcpDistance = 1 + random.nextInt(3);
            if (dhcp) {
                script.append("/ip dhcp-client add interface=ether9 default-route-distance=").append(dhcpDistance).append('\n');
                line++;
            }
            for (int r = 0; r < 300; r++) {
                int len = random.nextInt(4) == 0 ? 0 : 8 + random.nextInt(25);
                long net = (random.nextBoolean() ? 0x0A000000L | random.nextInt(1 << 18) << 6 : random.nextLong() & Ipv4.MAX)
                        & Ipv4.mask(len);
                int distance = 1 + random.nextInt(3);
                line++;
                if (random.nextInt(10) == 0) {
                    script.append("/ip route add blackhole dst-address=").append(Ipv4.format(net)).append('/').append(len)
                            .append(" distance=").append(distance).append('\n');
                    routes.add(new long[] {net, len, distance, -1, line});
                } else {
                    long[] c = connected.get(random.nextInt(connected.size()));
                    script.append("/ip route add dst-address=").append(Ipv4.format(net)).append('/').append(len)
                            .append(" gateway=").append(Ipv4.format(c[0] + 2)).append(" distance=").append(distance).append('\n');
                    routes.add(new long[] {net, len, distance, egress(c[0] + 2, connected), line});
                }
            }
            Topology t = topology(script.toString());
            List<Long> probes = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                probes.add(random.nextBoolean() ? random.nextLong() & Ipv4.MAX : 0x0A000000L | random.nextInt(1 << 18));
            }
            routes.forEach(r -> probes.add(r[0]));
            connected.forEach(c -> probes.add(c[0] + 5));
            for (long a : probes) {
                assertThat(t.route(a).map(RouteResult::description)).as("route to %s in round %d", Ipv4.format(a), round)
                        .isEqualTo(reference(a, connected, routes, dhcp, dhcpDistance));
            }
        }
    }

    /** The interface a gateway is reached on: the longest connected subnet holding it, the first written on a tie. */
    private static long egress(long gateway, List<long[]> connected) {
        long[] best = null;
        for (long[] c : connected) {
            if ((gateway & Ipv4.mask((int) c[1])) == c[0] && (best == null || c[1] > best[1])) {
                best = c;
            }
        }
        return best[2];
    }

    private static Optional<String> reference(long a, List<long[]> connected, List<long[]> routes, boolean dhcp,
                                              int dhcpDistance) {
        int bestLen = -1;
        for (long[] c : connected) {
            if ((a & Ipv4.mask((int) c[1])) == c[0]) {
                bestLen = Math.max(bestLen, (int) c[1]);
            }
        }
        for (long[] r : routes) {
            if ((a & Ipv4.mask((int) r[1])) == r[0]) {
                bestLen = Math.max(bestLen, (int) r[1]);
            }
        }
        if (dhcp) {
            bestLen = Math.max(bestLen, 0);
        }
        for (long[] c : connected) {
            if (c[1] == bestLen && (a & Ipv4.mask(bestLen)) == c[0]) {
                return Optional.of("connected subnet " + Ipv4.format(c[0]) + "/" + c[1] + " on ether" + (c[2] + 1));
            }
        }
        long[] best = null;
        for (long[] r : routes) {
            if (r[1] == bestLen && (a & Ipv4.mask(bestLen)) == r[0] && (best == null || r[2] < best[2])) {
                best = r;
            }
        }
        if (dhcp && bestLen == 0 && (best == null || dhcpDistance < best[2])) {
            return Optional.of("default route learned on ether9");
        }
        if (best == null) {
            return Optional.empty();
        }
        if (best[3] < 0) {
            return Optional.of("blackhole route at line " + best[4]);
        }
        return Optional.of("route " + Ipv4.format(best[0]) + "/" + best[1] + " at line " + best[4] + " via ether" + (best[3] + 1));
    }
}
