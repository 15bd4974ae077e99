package dev.natlint.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small network in Linux network namespaces: one router namespace, one switch namespace holding a
 * plain Linux bridge per segment (no netfilter there), and host namespaces, each running an agent.
 * Every namespace name starts with this run's prefix, and {@link #close()} removes all of them.
 */
final class Lab implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = "nl" + (ProcessHandle.current().pid() % 100_000) + "x";

    private final String prefix = RUN + COUNTER.incrementAndGet() + "-";
    private final List<String> namespaces = new ArrayList<>();
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final String router;
    private final String switchNs;
    private int links;
    private final Path agentScript;

    Lab(Path agentScript) {
        this.agentScript = agentScript;
        this.router = ns("router");
        this.switchNs = ns("switch");
        Shell.must(Shell.inNs(router, "sysctl", "-qw", "net.ipv4.ip_forward=1"));
        Shell.must(Shell.inNs(router, "sysctl", "-qw", "net.ipv4.conf.all.rp_filter=0"));
        Shell.must(Shell.inNs(router, "ip", "link", "set", "lo", "up"));
        Shell.must(Shell.inNs(switchNs, "ip", "link", "set", "lo", "up"));
        // switches must not filter: bridged frames skip iptables in the switch namespace
        Shell.run(List.of(Shell.inNs(switchNs, "sysctl", "-qw", "net.bridge.bridge-nf-call-iptables=0")), null);
    }

    /** Namespaces this process left behind (a killed earlier run) are removed before a new lab starts. */
    static void removeStale() {
        String list = Shell.run(List.of("ip", "netns", "list"), null).output();
        for (String line : list.split("\n")) {
            String name = line.split(" ")[0];
            if (name.startsWith(RUN)) {
                Shell.run(List.of("ip", "netns", "del", name), null);
            }
        }
    }

    private String ns(String role) {
        String name = prefix + role;
        Shell.must("ip", "netns", "add", name);
        namespaces.add(name);
        return name;
    }

    String router() {
        return router;
    }

    /** A segment (bridge) with the router attached as interface {@code routerIface}. */
    void segment(String bridge, String routerIface) {
        Shell.must(Shell.inNs(switchNs, "ip", "link", "add", bridge, "type", "bridge"));
        Shell.must(Shell.inNs(switchNs, "ip", "link", "set", bridge, "up"));
        String sw = "p" + (++links);
        Shell.must("ip", "link", "add", routerIface, "netns", router, "type", "veth", "peer", "name", sw, "netns", switchNs);
        Shell.must(Shell.inNs(switchNs, "ip", "link", "set", sw, "master", bridge, "up"));
        Shell.must(Shell.inNs(router, "ip", "link", "set", routerIface, "up"));
    }

    /** A segment of its own, without the router: the subnet behind another router. */
    void bridge(String bridge) {
        Shell.must(Shell.inNs(switchNs, "ip", "link", "add", bridge, "type", "bridge"));
        Shell.must(Shell.inNs(switchNs, "ip", "link", "set", bridge, "up"));
    }

    /**
     * A second router on a LAN: {@code eth0} on {@code lanBridge} with {@code lanCidr} and its default
     * route via {@code lanGateway} (the main router), {@code eth1} on {@code innerBridge} with
     * {@code innerCidr}, forwarding between them with no firewall, as a plain LAN router does.
     */
    void lanRouter(String name, String lanBridge, String lanCidr, String lanGateway, String innerBridge, String innerCidr) {
        String ns = ns(name);
        Shell.must(Shell.inNs(ns, "ip", "link", "set", "lo", "up"));
        Shell.must(Shell.inNs(ns, "sysctl", "-qw", "net.ipv4.ip_forward=1"));
        Shell.must(Shell.inNs(ns, "sysctl", "-qw", "net.ipv4.conf.all.rp_filter=0"));
        String[][] legs = {{"eth0", lanBridge, lanCidr}, {"eth1", innerBridge, innerCidr}};
        for (String[] leg : legs) {
            String sw = "p" + (++links);
            Shell.must("ip", "link", "add", leg[0], "netns", ns, "type", "veth", "peer", "name", sw, "netns", switchNs);
            Shell.must(Shell.inNs(switchNs, "ip", "link", "set", sw, "master", leg[1], "up"));
            Shell.must(Shell.inNs(ns, "ip", "link", "set", leg[0], "up"));
            Shell.must(Shell.inNs(ns, "ip", "addr", "add", leg[2], "dev", leg[0]));
        }
        Shell.must(Shell.inNs(ns, "ip", "route", "add", "default", "via", lanGateway));
    }

    void routerAddress(String iface, String cidr) {
        Shell.must(Shell.inNs(router, "ip", "addr", "add", cidr, "dev", iface));
    }

    void routerRoute(String dst, String via) {
        Shell.must(Shell.inNs(router, "ip", "route", "replace", dst, "via", via));
    }

    /** A host on {@code bridge} with {@code cidr}, its default route via {@code gateway}, and an agent. */
    Agent host(String name, String bridge, String cidr, String gateway, List<String> extraAddresses) {
        String ns = ns(name);
        String sw = "p" + (++links);
        Shell.must("ip", "link", "add", "eth0", "netns", ns, "type", "veth", "peer", "name", sw, "netns", switchNs);
        Shell.must(Shell.inNs(switchNs, "ip", "link", "set", sw, "master", bridge, "up"));
        Shell.must(Shell.inNs(ns, "ip", "link", "set", "lo", "up"));
        Shell.must(Shell.inNs(ns, "ip", "link", "set", "eth0", "up"));
        Shell.must(Shell.inNs(ns, "ip", "addr", "add", cidr, "dev", "eth0"));
        for (String extra : extraAddresses) {
            Shell.must(Shell.inNs(ns, "ip", "addr", "add", extra, "dev", "lo"));
        }
        if (gateway != null) {
            Shell.must(Shell.inNs(ns, "ip", "route", "add", "default", "via", gateway));
        }
        Agent a = new Agent(ns, agentScript);
        agents.put(name, a);
        return a;
    }

    void iptablesRestore(String ruleset) {
        Shell.mustIn(ruleset, Shell.inNs(router, "iptables-restore"));
    }

    @Override
    public void close() {
        agents.values().forEach(Agent::close);
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            Shell.run(List.of("ip", "netns", "del", namespaces.get(i)), null);
        }
    }

    /** The agent process of one host namespace. */
    static final class Agent implements AutoCloseable {
        private final Process process;
        private final Writer in;
        private final Map<String, String> answers = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();

        Agent(String ns, Path script) {
            try {
                process = new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-u", script.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the agent in " + ns, e);
            }
            in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        String key = line.startsWith("listen") ? line.substring(line.indexOf(' ') + 1)
                                : line.split(" ", 2)[0];
                        answers.put(key, line);
                        CountDownLatch l = waiting.get(key);
                        if (l != null) {
                            l.countDown();
                        }
                    }
                } catch (IOException ignored) {
                    // the agent ended; unanswered requests time out
                }
            }, "agent-" + ns);
            reader.setDaemon(true);
            reader.start();
        }

        private String request(String key, String command, long timeoutMs) {
            CountDownLatch latch = new CountDownLatch(1);
            waiting.put(key, latch);
            if (answers.containsKey(key)) {
                latch.countDown();
            }
            try {
                in.write(command + "\n");
                in.flush();
                latch.await(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                return "fail agent-gone";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String a = answers.get(key);
            return a == null ? "fail no-answer" : a;
        }

        void listen(String proto, int port, String identity) {
            String a = request(proto + " " + port, "listen " + proto + " " + port + " " + identity, 5000);
            if (!a.startsWith("listening")) {
                throw new IllegalStateException("listener " + proto + "/" + port + " did not start: " + a);
            }
        }

        /** Starts a bounded connection; the returned handle answers "ok IDENTITY" or "fail REASON". */
        String connectAsync(String proto, String src, String dst, int port) {
            String id = "c" + ids.incrementAndGet();
            waiting.put(id, new CountDownLatch(1));
            try {
                in.write("connect " + id + " " + proto + " " + src + " " + dst + " " + port + " 1.0\n");
                in.flush();
            } catch (IOException e) {
                answers.put(id, id + " fail agent-gone");
            }
            return id;
        }

        String await(String id) {
            try {
                waiting.get(id).await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String a = answers.get(id);
            return a == null ? "fail no-answer" : a.substring(id.length() + 1);
        }

        @Override
        public void close() {
            try {
                in.write("quit\n");
                in.flush();
            } catch (IOException ignored) {
                // already gone
            }
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Path writeAgent(Path dir) throws IOException {
        Path p = dir.resolve("agent.py");
        try (var s = Lab.class.getResourceAsStream("/dev/natlint/kernel/agent.py")) {
            Files.write(p, s.readAllBytes());
        }
        return p;
    }
}
