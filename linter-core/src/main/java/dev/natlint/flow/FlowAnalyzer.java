package dev.natlint.flow;

import dev.natlint.diag.Assumption;
import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.Packet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.flow.packet.Universe;
import dev.natlint.graph.Role;
import dev.natlint.graph.RouteEntry;
import dev.natlint.graph.RouteResult;
import dev.natlint.graph.Routing;
import dev.natlint.graph.Topology;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.IpAddress;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.net.Cidrs;
import dev.natlint.net.Ipv4;
import dev.natlint.policy.Action;
import dev.natlint.policy.Guard;
import dev.natlint.policy.Policy;
import dev.natlint.policy.PolicyRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Symbolically runs port forwards through the router: dstnat, routing decision, forward filter,
 * srcnat, delivery, and the server's reply. Every forward is run once for all its clients at the same
 * time (the union of every source), and the result is split into flows with one verdict each.
 */
public final class FlowAnalyzer {

    private final Topology topology;
    private final AddressSpace space;
    private final Policy policy;
    private final RuleMatcher matcher;
    private final ChainRunner runner;
    /** Follows the marks mangle sets, with this engine's matcher. */
    private final MangleWalk mangle;
    private final Universe universe;
    private ReplyRouting replyRouting;
    /** The subnets of the router's static uplink addresses, and the first dynamic uplink's line: fixed per config. */
    private final IntervalSet uplinkSubnets;
    /** Addresses no main-table route covers (only where there is no default route); fixed per config. */
    private final IntervalSet unrouted;
    /** The first line of something that may add routes at run time (a routing protocol, an LTE uplink). */
    private final Optional<Integer> learnedRoutesLine;
    private final Optional<Integer> dynamicUplinkLine;
    /** Whether an enabled NAT or filter rule matches an address type, the only way a LAN flow tells the router's own addresses. */
    private final boolean addressTypeMatched;
    /** Field values of the flows found so far, so equal long sets are kept once (see PacketBox.interned). */
    private final ConcurrentHashMap<IntervalSet, IntervalSet> sharedFields;
    private volatile ForwardsListener listener = ForwardsListener.NONE;

    /** One way through the router for a part of the input, before it is split by source. */
    private record Path(PacketSet origin, Verdict verdict, FirewallRule dstnat, Translation translation,
                        RouteResult route, FirewallRule srcnat, FirewallRule decisive, FirewallRule related,
                        List<Assumption> assumptions, boolean replyDropped, Marks marks) {
        Path(PacketSet origin, Verdict verdict, FirewallRule dstnat, Translation translation, RouteResult route,
             FirewallRule srcnat, FirewallRule decisive, FirewallRule related, List<Assumption> assumptions) {
            this(origin, verdict, dstnat, translation, route, srcnat, decisive, related, assumptions, false, Marks.NONE);
        }

        Path withNotes(List<Assumption> notes) {
            return new Path(origin, verdict, dstnat, translation, route, srcnat, decisive, related, notes, replyDropped,
                    marks);
        }

        Path withOrigin(PacketSet part) {
            return new Path(part, verdict, dstnat, translation, route, srcnat, decisive, related, assumptions,
                    replyDropped, marks);
        }
    }

    private FlowAnalyzer(Topology topology, FlowAnalyzer earlier) {
        this.topology = topology;
        this.space = new AddressSpace(topology, earlier == null ? null : earlier.space);
        if (earlier != null && earlier.topology == topology) {
            // an engine of the same analysis (see inParallel): one pool of shared fields for all
            this.sharedFields = earlier.sharedFields;
        } else {
            this.sharedFields = new ConcurrentHashMap<>();
        }
        this.policy = Policy.of(topology.config(), earlier == null ? null : earlier.policy);
        this.matcher = new RuleMatcher(space, policy);
        this.runner = new ChainRunner(matcher);
        this.mangle = new MangleWalk(matcher);
        this.universe = space.universe();
        this.uplinkSubnets = uplinkSubnets(topology);
        this.dynamicUplinkLine = dynamicUplinkLine(topology);
        this.unrouted = Universe.concreteAddresses().subtract(topology.routing().covered());
        this.learnedRoutesLine = topology.learnedRoutesLine();
        this.addressTypeMatched = java.util.stream.Stream.of(Table.NAT, Table.FILTER)
                .flatMap(t -> policy.rules(t).stream())
                .anyMatch(r -> !r.disabled() && r.guard(Guard.AddressType.class).isPresent());
    }

    public static FlowAnalyzer of(RouterConfig config) {
        return new FlowAnalyzer(Topology.of(config), null);
    }

    /** An analyzer of a variant of {@code earlier}'s configuration, reusing what does not change. */
    public static FlowAnalyzer of(RouterConfig config, FlowAnalyzer earlier) {
        return new FlowAnalyzer(Topology.of(config), earlier);
    }

    public static FlowAnalyzer of(Topology topology) {
        return new FlowAnalyzer(topology, null);
    }

    public Topology topology() {
        return topology;
    }

    public AddressSpace space() {
        return space;
    }

    /** Every firewall rule of the configuration in typed form, read once per analysis. */
    public Policy policy() {
        return policy;
    }

    public RuleMatcher matcher() {
        return matcher;
    }

    public ChainRunner runner() {
        return runner;
    }

    // ---- forwards and sources ---------------------------------------------------------------------

    /** Every enabled dst-nat rule outside srcnat, in router order. */
    public List<Forward> forwards() {
        List<Forward> out = new ArrayList<>();
        for (PolicyRule r : policy.rules(Table.NAT)) {
            if (r.disabled() || !(r.action() instanceof Action.DstNat dstNat) || r.chain().equals("srcnat")) {
                continue;
            }
            forward(r, dstNat.to()).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Forward> forward(PolicyRule r, Action.NatTarget to) {
        IntervalSet protocols = r.protocol().map(p -> p.negated()
                ? p.number().map(n -> IntervalSet.point(n).complement(0, 255))
                : p.number().map(n -> IntervalSet.point(n)))
                .orElse(Optional.of(IntervalSet.of(0, 255))).orElse(IntervalSet.empty());
        IntervalSet ports = r.ports(Guard.PortSide.DST).or(() -> r.ports(Guard.PortSide.EITHER)).map(p -> p.negated()
                        ? p.ports().map(s -> s.complement(0, 65535)) : p.ports())
                .orElse(Optional.of(IntervalSet.of(0, 65535))).orElse(IntervalSet.empty());
        Optional<IntervalSet> target = to.addresses();
        IntervalSet targetPorts = to.ports().orElse(null);
        IntervalSet publicAddresses = publicAddresses(r);
        if (target.isEmpty() || protocols.isEmpty() || ports.isEmpty() || publicAddresses.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forward(r.source(), publicAddresses, protocols, ports, target.get(), targetPorts));
    }

    /**
     * The addresses clients use for a forward: its own dst-address (or address list) when it names one,
     * otherwise the router's WAN addresses (static ones, and the symbolic address of a DHCP/PPPoE WAN).
     */
    private IntervalSet publicAddresses(PolicyRule r) {
        Optional<Guard.Address> dst = r.address(Guard.Side.DST).filter(g -> !g.negated());
        if (dst.isPresent()) {
            return dst.get().addresses().orElse(IntervalSet.empty());
        }
        Optional<String> list = r.addressList(Guard.Side.DST).filter(g -> !g.negated()).map(Guard.AddressList::list);
        if (list.isPresent() && !space.addressList(list.get()).isEmpty()) {
            return space.addressList(list.get());
        }
        IntervalSet wan = IntervalSet.empty();
        for (String iface : topology.wanInterfaces()) {
            for (long a : space.addressesOf(iface)) {
                wan = wan.union(IntervalSet.point(a));
            }
        }
        if (wan.isEmpty()) {
            // no WAN recognised: any router address outside the LAN subnets stands for the public one
            wan = space.local();
            for (String iface : topology.lanInterfaces()) {
                for (IpAddress a : topology.addressesOn(iface)) {
                    wan = wan.subtract(IntervalSet.point(a.address()));
                }
            }
        }
        return wan;
    }

    /** LAN subnets (one source each) and the internet on each WAN interface. */
    public List<Source> sources() {
        List<Source> out = new ArrayList<>();
        IntervalSet routerAddresses = space.local();
        IntervalSet lanSubnets = IntervalSet.empty();
        for (String iface : topology.lanInterfaces()) {
            Set<Long> seen = new LinkedHashSet<>();
            for (IpAddress a : topology.addressesOn(iface)) {
                if (!seen.add(a.network() << 6 | a.prefixLength())) {
                    continue;
                }
                IntervalSet subnet = IntervalSet.of(a.network(), a.broadcast());
                lanSubnets = lanSubnets.union(subnet);
                IntervalSet hosts = subnet.subtract(routerAddresses);
                if (a.prefixLength() <= 30) {
                    // the network and broadcast addresses are no hosts
                    hosts = hosts.subtract(IntervalSet.point(a.network())).subtract(IntervalSet.point(a.broadcast()));
                }
                if (!hosts.isEmpty()) {
                    out.add(new Source("LAN " + iface + " " + Ipv4.format(a.network()) + "/" + a.prefixLength(),
                            iface, hosts, false));
                }
            }
        }
        // hosts on a WAN's own subnet (the ISP's other customers) are internet clients too; LAN subnets
        // are not, not even their network and broadcast addresses
        IntervalSet internet = IntervalSet.of(0, 0xFFFFFFFFL).subtract(routerAddresses).subtract(lanSubnets);
        for (String iface : topology.wanInterfaces()) {
            out.add(new Source("internet via " + iface, iface, internet, true));
        }
        return out;
    }

    // ---- analysis ---------------------------------------------------------------------------------

    /** Flows of every forward, forwards in router order, then sources, then packet order. */
    public List<Flow> flows() {
        return flowsByForward().stream().flatMap(f -> f.flows().stream()).toList();
    }

    public List<ForwardFlows> flowsByForward() {
        List<Forward> forwards = forwards();
        return flowsByForward(forwards, Math.min(Runtime.getRuntime().availableProcessors(),
                forwards.size() / FORWARDS_PER_WORKER));
    }

    /** As {@link #flowsByForward()}, on {@code workers} engines at once (1: this one alone). */
    List<ForwardFlows> flowsByForward(int workers) {
        return flowsByForward(forwards(), workers);
    }

    private List<ForwardFlows> flowsByForward(List<Forward> forwards, int workers) {
        List<Source> sources = sources();
        if (workers <= 1 || forwards.size() < 2) {
            List<ForwardFlows> out = new ArrayList<>();
            for (Forward f : forwards) {
                out.add(new ForwardFlows(f, flows(f, sources)));
                listener.analysed(out.size(), forwards.size());
            }
            return out;
        }
        return inParallel(forwards, sources, workers);
    }

    /** Tells {@code l} of each forward {@link #flowsByForward()} finishes. */
    public void reportForwardsTo(ForwardsListener l) {
        listener = l;
    }

    /** Below this many forwards per core, a second engine costs more than it saves. */
    private static final int FORWARDS_PER_WORKER = 64;

    /**
     * Forwards are independent, so a large configuration is analysed by several engines at once, each
     * with its own matcher and chain indexes over this analyzer's topology and address lists (those
     * are only read). Each forward's flows land in its own slot, so the result is the same list, in
     * the same order, as one engine gives.
     */
    private List<ForwardFlows> inParallel(List<Forward> forwards, List<Source> sources, int workers) {
        ForwardFlows[] out = new ForwardFlows[forwards.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable work = () -> {
            FlowAnalyzer engine = new FlowAnalyzer(topology, this);
            for (int i = next.getAndIncrement(); i < out.length && failure.get() == null; i = next.getAndIncrement()) {
                out[i] = new ForwardFlows(forwards.get(i), engine.flows(forwards.get(i), sources));
                listener.analysed(done.incrementAndGet(), out.length);
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int k = 1; k < workers; k++) {
            Thread t = new Thread(null, () -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, Thread.currentThread().getName() + "-flows-" + k, 64L << 20);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("flow analysis interrupted", e);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return List.of(out);
    }

    public List<Flow> flows(Forward f, List<Source> sources) {
        // LAN sources run together; each internet source runs alone, because address lists cut it into
        // sets of thousands of intervals, and every operation on a set carrying one would also pay for
        // all the LAN boxes beside it. Each source's paths keep their order either way.
        List<PacketBox> lan = new ArrayList<>();
        List<PacketBox> internet = new ArrayList<>();
        for (Source s : sources) {
            // the internet reaches an uplink's own address through that uplink only
            IntervalSet dst = s.internet() ? f.publicAddresses().subtract(ownedByOtherUplinks(s.iface()))
                    : f.publicAddresses();
            if (dst.isEmpty()) {
                continue;
            }
            PacketBox box = sourceBox(s).with(Field.DST_ADDRESS, dst)
                    .with(Field.PROTOCOL, f.protocols()).with(Field.DST_PORT, f.ports());
            (s.internet() ? internet : lan).add(box);
        }
        List<Path> paths = new ArrayList<>(run(PacketSet.unionOf(universe, lan), f));
        // the internet delivers to the router only the router's own addresses: a forward written for another
        // address (typically a public address the provider has since changed) never sees internet clients
        IntervalSet delivered = f.publicAddresses().intersect(space.local());
        IntervalSet foreign = f.publicAddresses().subtract(delivered);
        // with a dynamic uplink address, an address outside the static uplink subnets may be the current lease
        List<Assumption> internetNotes = List.of();
        IntervalSet maybeOwnFromLan = IntervalSet.empty();
        Optional<Integer> dynamicLine = dynamicUplinkLine;
        if (!foreign.isEmpty() && dynamicLine.isPresent() && !foreign.subtract(uplinkSubnets).isEmpty()) {
            IntervalSet maybeOwn = foreign.subtract(uplinkSubnets);
            maybeOwnFromLan = addressTypeMatched ? maybeOwn : IntervalSet.empty();
            delivered = delivered.union(maybeOwn);
            foreign = foreign.subtract(maybeOwn);
            internetNotes = List.of(Assumption.assumed(dynamicLine.get(), Cidrs.render(maybeOwn).get(0)
                    + (maybeOwn.size() > 1 ? " and the rest of the forward's public addresses are" : " is")
                    + " assumed to be the address this uplink gets at run time"));
        }
        if (!maybeOwnFromLan.isEmpty()) {
            IntervalSet maybeOwn = maybeOwnFromLan;
            // LAN clients' verdicts take such an address for another host's, which it is not if it is the lease:
            // then an address-type matcher (dst-address-type=local) on their way would match it
            List<Assumption> lanNotes = List.of(Assumption.assumed(dynamicLine.get(), "for LAN clients, "
                    + Cidrs.render(maybeOwn).get(0) + (maybeOwn.size() > 1 ? " and the rest of the forward's public"
                    + " addresses are" : " is") + " assumed not to be an address the router gets at run time"));
            PacketSet toMaybeOwn = PacketSet.of(PacketBox.all(universe).with(Field.DST_ADDRESS, maybeOwn));
            List<Path> lanPaths = new ArrayList<>();
            for (Path p : paths) {
                PacketSet mine = p.origin().intersect(toMaybeOwn);
                PacketSet other = p.origin().subtract(mine);
                if (!other.isEmpty()) {
                    lanPaths.add(p.withOrigin(other));
                }
                if (!mine.isEmpty()) {
                    lanPaths.add(p.withOrigin(mine).withNotes(merge(lanNotes, p.assumptions())));
                }
            }
            paths = lanPaths;
        }
        for (PacketBox box : internet) {
            if (!delivered.isEmpty()) {
                for (Path p : run(PacketSet.of(box.with(Field.DST_ADDRESS, delivered)), f)) {
                    paths.add(internetNotes.isEmpty() ? p : p.withNotes(merge(internetNotes, p.assumptions())));
                }
            }
            if (!foreign.isEmpty()) {
                paths.add(new Path(PacketSet.of(box.with(Field.DST_ADDRESS, foreign)), Verdict.NOT_DELIVERED, null,
                        Translation.NONE, null, null, null, null, notDeliveredNotes(f, foreign)));
            }
        }
        List<Flow> out = new ArrayList<>();
        // a forward's LAN paths are split by the firewall's per-interface rules into as many paths as there
        // are sources; matching every path against every source by set algebra cost more than the paths
        IntervalSet[] pathIns = new IntervalSet[paths.size()];
        for (int i = 0; i < pathIns.length; i++) {
            pathIns[i] = paths.get(i).origin().project(Field.IN_INTERFACE);
        }
        for (Source s : sources) {
            PacketBox sourceBox = sourceBox(s);
            PacketSet mine = PacketSet.of(sourceBox);
            for (int i = 0; i < pathIns.length; i++) {
                if (!pathIns[i].intersects(sourceBox.get(Field.IN_INTERFACE))) {
                    continue;
                }
                Path p = paths.get(i);
                for (PacketBox box : p.origin().intersect(mine).boxes()) {
                    out.add(flow(f, s, p, box));
                }
            }
        }
        return out;
    }

    /**
     * Exact when every foreign address lies on a subnet of the router's uplinks (nothing answers for it
     * there); otherwise the provider might route it to the router, which natlint cannot see.
     */
    private List<Assumption> notDeliveredNotes(Forward f, IntervalSet foreign) {
        if (foreign.subtract(uplinkSubnets).isEmpty()) {
            return List.of();
        }
        return List.of(Assumption.assumed(f.line(), "the provider is assumed to deliver only the router's own"
                + " addresses to it, not a block routed to the router"));
    }

    /** The addresses of every uplink but {@code wan}: its static addresses and its dynamic one. */
    private IntervalSet ownedByOtherUplinks(String wan) {
        IntervalSet out = IntervalSet.empty();
        for (String other : topology.wanInterfaces()) {
            if (other.equals(wan)) {
                continue;
            }
            for (IpAddress a : topology.addressesOn(other)) {
                out = out.union(IntervalSet.point(a.address()));
            }
            Optional<Long> dynamic = space.dynamicAddress(other);
            if (dynamic.isPresent()) {
                out = out.union(IntervalSet.point(dynamic.get()));
            }
        }
        return out;
    }

    /** The subnets of the router's static uplink addresses. */
    private static IntervalSet uplinkSubnets(Topology topology) {
        IntervalSet onUplinks = IntervalSet.empty();
        for (String wan : topology.wanInterfaces()) {
            for (IpAddress a : topology.addressesOn(wan)) {
                onUplinks = onUplinks.union(IntervalSet.of(a.network(), a.broadcast()));
            }
        }
        return onUplinks;
    }

    /** The line of the first DHCP or PPPoE client whose address the router learns at run time. */
    private static Optional<Integer> dynamicUplinkLine(Topology topology) {
        Optional<Integer> dhcp = topology.config().dhcpClients().stream()
                .filter(d -> !d.disabled() && topology.dynamicAddressInterfaces().contains(d.iface()) && d.location() != null)
                .map(d -> d.location().line()).findFirst();
        if (dhcp.isPresent()) {
            return dhcp;
        }
        return topology.config().interfaces().stream().filter(i -> topology.dynamicAddressInterfaces().contains(i.name())
                && i.location() != null).map(i -> i.location().line()).findFirst();
    }

    private PacketBox sourceBox(Source s) {
        return PacketBox.all(universe).with(Field.SRC_ADDRESS, s.addresses())
                .with(Field.IN_INTERFACE, space.iface(s.iface()));
    }

    /**
     * Follows one concrete packet and its reply. {@code inIface} may be null: it is then the interface
     * whose subnet holds {@code src}, or else the WAN the internet arrives on.
     */
    public Optional<Flow> trace(long src, long dst, int protocol, int dstPort, String inIface) {
        String in = inIface != null ? inIface : ingressFor(src).orElse(null);
        if (in == null || space.iface(in).isEmpty()) {
            return Optional.empty();
        }
        Packet p = new Packet(src, dst, protocol, 50000, dstPort, (int) space.iface(in).min(), 0);
        PacketSet origin = PacketSet.of(PacketBox.all(universe)
                .with(Field.SRC_ADDRESS, IntervalSet.point(src)).with(Field.DST_ADDRESS, IntervalSet.point(dst))
                .with(Field.PROTOCOL, IntervalSet.point(protocol)).with(Field.SRC_PORT, IntervalSet.point(50000))
                .with(Field.DST_PORT, IntervalSet.point(dstPort)).with(Field.IN_INTERFACE, space.iface(in)));
        Forward intended = forwards().stream().filter(f -> matcher.match(f.rule(), Stage.DSTNAT,
                new RuleMatcher.ConnState(false, false)).packets().contains(p)).findFirst().orElse(null);
        boolean fromInternet = topology.role(in).kind() == Role.Kind.WAN && topology.connectedSubnetOf(src).isEmpty();
        boolean maybeDynamic = dynamicUplinkLine.isPresent() && !uplinkSubnets.contains(dst);
        Path path = fromInternet && intended != null && !space.local().contains(dst) && !maybeDynamic
                ? new Path(origin, Verdict.NOT_DELIVERED, null, Translation.NONE, null, null, null, null,
                        notDeliveredNotes(intended, IntervalSet.point(dst)))
                : run(origin, intended).get(0);
        String name = fromInternet ? "internet via " + in : "LAN " + in;
        Source source = new Source(name, in, IntervalSet.point(src), name.startsWith("internet"));
        return Optional.of(flow(intended, source, path, path.origin().boxes().get(0)));
    }

    /** The interface a packet from {@code src} arrives on. */
    public Optional<String> ingressFor(long src) {
        Optional<IpAddress> subnet = topology.connectedSubnetOf(src);
        if (subnet.isPresent()) {
            return Optional.of(subnet.get().iface());
        }
        List<String> wans = topology.wanInterfaces();
        Optional<String> viaDefault = topology.route(src).map(RouteResult::iface).filter(wans::contains);
        return viaDefault.isPresent() ? viaDefault : wans.stream().findFirst();
    }

    // ---- the pipeline -----------------------------------------------------------------------------

    private List<Path> run(PacketSet origin, Forward intended) {
        List<Path> out = new ArrayList<>();
        RuleMatcher.ConnState fresh = new RuleMatcher.ConnState(false, false, false, Marks.NONE);
        for (MangleWalk.Part marked : mangle.walk("prerouting", origin, Translation.NONE, Stage.DSTNAT, fresh)) {
            dstnat(marked, intended, out);
        }
        return out;
    }

    /** Mangle prerouting is done: the connection meets dstnat with the marks it set. */
    private void dstnat(MangleWalk.Part marked, Forward intended, List<Path> out) {
        Marks marks = marked.marks();
        RuleMatcher.ConnState state = new RuleMatcher.ConnState(false, false, false, marks);
        for (ChainRunner.Outcome o : runner.run(Table.NAT, "dstnat", marked.packets(), Translation.NONE, Stage.DSTNAT,
                state)) {
            FirewallRule r = o.rule();
            List<Assumption> notes = merge(marked.notes(), o.assumptions());
            if (r != null && policy.of(r).action() instanceof Action.DstNat) {
                if (intended != null && r != intended.rule() && !sameTarget(r, intended.rule())) {
                    out.add(new Path(o.packets(), Verdict.SHADOWED, r, Translation.NONE, null, null, r, null, notes));
                    continue;
                }
                translate(o.packets(), r, notes, marks, out);
            } else if (intended != null && r != null && r.position() < intended.rule().position()) {
                out.add(new Path(o.packets(), Verdict.SHADOWED, null, Translation.NONE, null, null, r, null, notes));
            } else if (intended == null && !space.local().intersect(o.packets().project(Field.DST_ADDRESS)).equals(
                    o.packets().project(Field.DST_ADDRESS))) {
                // a traced packet that is not for the router is simply routed, without any NAT
                route(o.packets(), null, Translation.NONE, notes, marks, out);
            } else {
                out.add(new Path(o.packets(), Verdict.NO_DST_NAT, null, Translation.NONE, null, null, r, null, notes));
            }
        }
    }

    /** Both rules written with the same to-addresses and to-ports. */
    private boolean sameTarget(FirewallRule a, FirewallRule b) {
        Action.NatTarget ta = policy.of(a).natTarget().orElse(Action.NatTarget.NONE);
        Action.NatTarget tb = policy.of(b).natTarget().orElse(Action.NatTarget.NONE);
        return ta.addressesWritten().equals(tb.addressesWritten()) && ta.portsWritten().equals(tb.portsWritten());
    }

    /** Above this many target addresses a dst-nat is not split per address but marked as not decided. */
    private static final int MAX_SPLIT_TARGETS = 16;

    /**
     * Applies a dst-nat rule exactly, splitting the packets where the kernel's choice differs:
     * with a port range in {@code to-ports}, a destination port inside the range is kept (netfilter leaves
     * an in-range tuple alone); for any other port the kernel picks a port of the range, and which one
     * depends on its version (a rotating offset in Linux 3.x, a random one from 4.x until 6.8 restored the
     * first port), so each port is followed on its own, like each of several {@code to-addresses}, which
     * the kernel picks per connection by a hash; the verdicts say which choice they assume.
     */
    private void translate(PacketSet part, FirewallRule r, List<Assumption> notes, Marks marks, List<Path> out) {
        Action.NatTarget target = policy.of(r).natTarget().orElse(Action.NatTarget.NONE);
        Optional<IntervalSet> ports = target.ports();
        Optional<IntervalSet> to = target.addresses();
        List<PacketSet> parts = new ArrayList<>();
        List<Translation> portTranslations = new ArrayList<>();
        List<List<Assumption>> portNotes = new ArrayList<>();
        if (ports.isPresent() && ports.get().size() > 1) {
            PacketSet inRange = part.intersect(PacketSet.of(PacketBox.all(universe).with(Field.DST_PORT, ports.get())));
            PacketSet outside = part.subtract(inRange);
            if (!inRange.isEmpty()) {
                parts.add(inRange);
                portTranslations.add(Translation.NONE);
                portNotes.add(notes);
            }
            if (!outside.isEmpty() && ports.get().size() <= MAX_SPLIT_TARGETS) {
                for (int k = 0; k < ports.get().intervalCount(); k++) {
                    for (long p = ports.get().lo(k); p <= ports.get().hi(k); p++) {
                        parts.add(outside);
                        portTranslations.add(Translation.NONE.with(Field.DST_PORT, IntervalSet.point(p)));
                        portNotes.add(merge(notes, List.of(Assumption.assumed(r.location().line(), "to-ports has "
                                + ports.get().size() + " ports and the router picks one per connection for a port"
                                + " outside it; this verdict is for the connections it sends to port " + p))));
                    }
                }
            } else if (!outside.isEmpty()) {
                parts.add(outside);
                portTranslations.add(Translation.NONE.with(Field.DST_PORT, IntervalSet.point(ports.get().min())));
                portNotes.add(merge(notes, List.of(Assumption.unknown(r.location().line(), "to-ports has "
                        + ports.get().size() + " ports and the router picks one per connection for a port outside it;"
                        + " natlint follows at most " + MAX_SPLIT_TARGETS + " one by one"))));
            }
        } else {
            parts.add(part);
            portTranslations.add(ports.map(p -> Translation.NONE.with(Field.DST_PORT, p)).orElse(Translation.NONE));
            portNotes.add(notes);
        }
        for (int i = 0; i < parts.size(); i++) {
            Translation t = portTranslations.get(i);
            List<Assumption> partNotes = portNotes.get(i);
            if (to.isEmpty()) {
                route(parts.get(i), r, t, partNotes, marks, out);
            } else if (to.get().size() == 1) {
                route(parts.get(i), r, t.with(Field.DST_ADDRESS, to.get()), partNotes, marks, out);
            } else if (to.get().size() <= MAX_SPLIT_TARGETS) {
                for (int k = 0; k < to.get().intervalCount(); k++) {
                    for (long a = to.get().lo(k); a <= to.get().hi(k); a++) {
                        route(parts.get(i), r, t.with(Field.DST_ADDRESS, IntervalSet.point(a)), merge(partNotes, List.of(
                                Assumption.assumed(r.location().line(), "to-addresses has " + to.get().size()
                                        + " addresses and the router picks one per connection; this verdict is for the"
                                        + " connections it sends to " + Ipv4.format(a)))), marks, out);
                    }
                }
            } else {
                route(parts.get(i), r, t.with(Field.DST_ADDRESS, to.get()), merge(partNotes, List.of(Assumption.unknown(
                        r.location().line(), "to-addresses has " + to.get().size() + " addresses; natlint follows at most "
                                + MAX_SPLIT_TARGETS + " one by one"))), marks, out);
            }
        }
    }

    private void route(PacketSet part, FirewallRule dstnatRule, Translation t, List<Assumption> notes, Marks marks,
                       List<Path> out) {
        long target = t.current(Field.DST_ADDRESS, part.project(Field.DST_ADDRESS)).min();
        Optional<RouteResult> route = target > 0xFFFFFFFFL ? Optional.empty() : topology.route(target);
        if (marks.followed() && !marks.routing().isEmpty()) {
            notes = merge(notes, List.of(Assumption.assumed(routingMarkLine(marks.routing()), "routing mark "
                    + marks.routing() + " on the connection's first packet chooses its routing table; natlint does not"
                    + " follow policy routing and routes it by the main table")));
        }
        boolean unroutable = route.isEmpty() || route.get().via() == RouteResult.Via.BLACKHOLE
                || (route.get().via() == RouteResult.Via.DEFAULT && dstnatRule != null && Ipv4.isPrivate(target));
        if (target <= 0xFFFFFFFFL && topology.isRouterAddress(target)) {
            out.add(new Path(part, Verdict.NO_DST_NAT, dstnatRule, t, null, null, null, null, notes));
            return;
        }
        if (unroutable) {
            out.add(new Path(part, Verdict.UNROUTABLE, dstnatRule, t, route.orElse(null), null, null, null, notes));
            return;
        }
        Translation routed = t.with(Field.OUT_INTERFACE, space.iface(route.get().iface()));
        RuleMatcher.ConnState routedState = new RuleMatcher.ConnState(dstnatRule != null, false, false, marks);
        notes = merge(notes, equalCostNote(target));
        for (MangleWalk.Part marked : mangle.walk("forward", part, routed, Stage.FORWARD, routedState)) {
            RuleMatcher.ConnState state = routedState.withMarks(marked.marks());
            List<Assumption> markedNotes = merge(notes, marked.notes());
            for (ChainRunner.Outcome o : runner.run(Table.FILTER, "forward", marked.packets(), routed, Stage.FORWARD,
                    state)) {
                List<Assumption> all = merge(markedNotes, o.assumptions());
                if (o.rule() != null && policy.of(o.rule()).action().drops()) {
                    out.add(new Path(o.packets(), Verdict.FILTERED, dstnatRule, routed, route.get(), null, o.rule(),
                            null, all, false, state.marks()));
                } else {
                    srcnat(o.packets(), dstnatRule, routed, route.get(), state, all, out);
                }
            }
        }
    }

    /** The choice among equal-cost routes to {@code target} a verdict rests on, or nothing when there is one route. */
    private List<Assumption> equalCostNote(long target) {
        List<RouteEntry> others = topology.routing().equalCostAlternatives(target);
        if (others.isEmpty()) {
            return List.of();
        }
        RouteEntry chosen = topology.routing().lookup(target).orElseThrow().route();
        return List.of(Assumption.assumed(chosen.line(), "the routes to " + Ipv4.format(chosen.destination().network())
                + "/" + chosen.destination().length() + " at lines " + chosen.line() + ", "
                + String.join(", ", others.stream().map(r -> String.valueOf(r.line())).toList())
                + " have the same distance " + chosen.distance() + ", and RouterOS spreads connections over them;"
                + " this verdict follows the route at line " + chosen.line()));
    }

    private void srcnat(PacketSet part, FirewallRule dstnatRule, Translation t, RouteResult route,
                        RuleMatcher.ConnState forwarded, List<Assumption> notes, List<Path> out) {
        for (MangleWalk.Part marked : mangle.walk("postrouting", part, t, Stage.SRCNAT, forwarded)) {
            srcnatChain(marked.packets(), dstnatRule, t, route, merge(notes, marked.notes()),
                    forwarded.withMarks(marked.marks()), out);
        }
    }

    /** Mangle postrouting is done: src-nat sees the marks it leaves. */
    private void srcnatChain(PacketSet part, FirewallRule dstnatRule, Translation t, RouteResult route,
                             List<Assumption> notes, RuleMatcher.ConnState state, List<Path> out) {
        for (ChainRunner.Outcome o : runner.run(Table.NAT, "srcnat", part, t, Stage.SRCNAT, state)) {
            FirewallRule s = o.rule();
            Action action = s == null ? null : policy.of(s).action();
            List<Assumption> all = merge(notes, o.assumptions());
            Translation after = t;
            if (action instanceof Action.Masquerade) {
                List<Long> own = space.addressesOf(route.iface());
                if (own.isEmpty()) {
                    out.add(new Path(o.packets(), Verdict.FILTERED, dstnatRule, t, route, s, s, null,
                            merge(all, List.of(Assumption.unknown(s.location().line(), "masquerade has no address on "
                                    + route.iface())))));
                    continue;
                }
                after = t.with(Field.SRC_ADDRESS, IntervalSet.point(masqueradeAddress(route.iface(), t, own)));
            } else if (action instanceof Action.SrcNat || action instanceof Action.Netmap
                    || action instanceof Action.Same) {
                Optional<IntervalSet> to = policy.of(s).natTarget().orElseThrow().addresses();
                if (to.isPresent()) {
                    after = t.with(Field.SRC_ADDRESS, to.get());
                }
            }
            reply(o.packets(), dstnatRule, after, route, s, all, state.marks(), out);
        }
    }

    /**
     * The address masquerade gives a connection: like the kernel, the router's address on the out-interface
     * whose subnet holds the next hop (here the translated destination), else the interface's first one.
     */
    private long masqueradeAddress(String iface, Translation t, List<Long> own) {
        Optional<IntervalSet> dst = t.get(Field.DST_ADDRESS);
        if (dst.isPresent()) {
            long target = dst.get().min();
            for (IpAddress a : topology.addressesOn(iface)) {
                if (a.network() <= target && target <= a.broadcast()) {
                    return a.address();
                }
            }
        }
        return own.get(0);
    }

    /**
     * The server answers the (possibly rewritten) source. It goes back through the router unless that
     * source is a host on the server's own subnet: then the reply goes straight to the client, which
     * drops it because it is from the server's address instead of the one it connected to.
     */
    private void reply(PacketSet part, FirewallRule dstnatRule, Translation t, RouteResult route, FirewallRule s,
                       List<Assumption> notes, Marks marks, List<Path> out) {
        if (dstnatRule == null) {
            replyThroughRouter(part, null, t, route, s, notes, marks, out);
            return;
        }
        long target = t.current(Field.DST_ADDRESS, part.project(Field.DST_ADDRESS)).min();
        // the server's reply goes to its gateway: the router when the server is on a connected subnet, or
        // the LAN router the router reaches it through, which delivers straight to clients on its own subnet
        Optional<Routing.ServerGateway> gateway = topology.routing().serverGateway(target);
        Role routeRole = topology.role(route.iface());
        if (gateway.isEmpty() && t.get(Field.SRC_ADDRESS).isEmpty() && routeRole != null
                && routeRole.kind() == Role.Kind.WAN) {
            // a target beyond an uplink answers the source it sees over the internet, not through the router
            out.add(new Path(part, Verdict.REPLY_OUTSIDE_ROUTER, dstnatRule, t, route, s, s, null, notes));
            return;
        }
        if (gateway.isEmpty()) {
            replyThroughRouter(part, dstnatRule, t, route, s, notes, marks, out);
            return;
        }
        IpAddress net = gateway.get().subnet();
        IntervalSet sameSubnet = IntervalSet.of(net.network(), net.broadcast()).subtract(space.local());
        if (gateway.get().viaLanRouter()) {
            sameSubnet = sameSubnet.subtract(IntervalSet.point(gateway.get().lanRouter()));
        }
        Optional<IntervalSet> newSource = t.get(Field.SRC_ADDRESS);
        if (newSource.isPresent()) {
            if (!newSource.get().intersect(sameSubnet).isEmpty()) {
                out.add(new Path(part, Verdict.REPLY_BYPASSES_ROUTER, dstnatRule, t, route, s, s, null, notes));
            } else {
                replyThroughRouter(part, dstnatRule, t, route, s, notes, marks, out);
            }
            return;
        }
        PacketSet onSubnet = part.intersect(PacketSet.of(PacketBox.all(universe).with(Field.SRC_ADDRESS, sameSubnet)));
        PacketSet elsewhere = part.subtract(onSubnet);
        if (!elsewhere.isEmpty()) {
            replyThroughRouter(elsewhere, dstnatRule, t, route, s, notes, marks, out);
        }
        if (onSubnet.isEmpty()) {
            return;
        }
        PacketSet bypass = onSubnet;
        if (s != null) {
            // was there a hairpin masquerade below the rule that took the connection?
            RuleMatcher.ConnState state = new RuleMatcher.ConnState(true, false, false, marks);
            int taken = srcnatPositionLeadingTo(s);
            for (PolicyRule h : policy.enabled(Table.NAT, "srcnat")) {
                if (bypass.isEmpty()) {
                    break;
                }
                if (h.position() <= taken
                        || !(h.action() instanceof Action.Masquerade || h.action() instanceof Action.SrcNat)) {
                    continue;
                }
                PacketSet hit = bypass.intersect(t.preimage(matcher.match(h, Stage.SRCNAT, state).packets()));
                if (!hit.isEmpty()) {
                    out.add(new Path(hit, Verdict.MASQUERADE_SHADOWED, dstnatRule, t, route, s, s, h.source(), notes));
                    bypass = bypass.subtract(hit);
                }
            }
        }
        if (!bypass.isEmpty()) {
            out.add(new Path(bypass, Verdict.REPLY_BYPASSES_ROUTER, dstnatRule, t, route, s, s, null, notes));
        }
    }

    /**
     * The reply crosses the router, so the filter forward chain sees it too, as part of an established
     * connection: from the server (translated destination and port) to the client's own address and port,
     * in through the server's interface and out through the client's. Replies are rewritten by conntrack
     * only, never by NAT rules, and the reverse of src-nat happens before the filter.
     */
    private void replyThroughRouter(PacketSet part, FirewallRule dstnatRule, Translation t, RouteResult route,
                                    FirewallRule s, List<Assumption> notes, Marks marks, List<Path> out) {
        // the routing decision for the reply comes before the filter: with no route to the client it ends here
        PacketSet lost = dstnatRule == null || unrouted.isEmpty() ? PacketSet.empty(universe)
                : part.intersect(PacketSet.of(PacketBox.all(universe).with(Field.SRC_ADDRESS, unrouted)));
        for (String wan : lost.isEmpty() ? List.<String>of() : topology.uplinks()) {
            if (replyRouting().returnsBy(wan)) {
                // replies to clients that came in here go back by the marked table's default route
                lost = lost.subtract(PacketSet.of(PacketBox.all(universe).with(Field.IN_INTERFACE, space.iface(wan))));
            }
        }
        if (!lost.isEmpty()) {
            Optional<Integer> learned = mayRouteOtherwise(lost, dstnatRule, t, route, marks);
            if (learned.isEmpty()) {
                out.add(new Path(lost, Verdict.NO_ROUTE_BACK, dstnatRule, t, route, s, null, null, notes));
                part = part.subtract(lost);
                if (part.isEmpty()) {
                    return;
                }
            } else {
                PacketSet reached = part.subtract(lost);
                replyThroughFilter(lost, dstnatRule, t, route, s, merge(notes, List.of(Assumption.assumed(learned.get(),
                        "the main table has no route back to these clients; a route the router learns at run time or"
                                + " policy routing is assumed to reach them"))), marks, out);
                part = reached;
                if (part.isEmpty()) {
                    return;
                }
            }
        }
        replyThroughFilter(part, dstnatRule, t, route, s, notes, marks, out);
    }

    /**
     * The server's replies to {@code part} as the router sees them: from the server (translated destination
     * and port) to the client's own address and port, in through the server's interface and out through
     * the client's.
     */
    private PacketSet replyPackets(PacketSet part, Translation t, RouteResult route) {
        List<PacketBox> replyBoxes = new ArrayList<>();
        for (PacketBox b : part.boxes()) {
            replyBoxes.add(PacketBox.all(universe)
                    .replace(Field.SRC_ADDRESS, t.get(Field.DST_ADDRESS).orElse(b.get(Field.DST_ADDRESS)))
                    .replace(Field.SRC_PORT, t.get(Field.DST_PORT).orElse(b.get(Field.DST_PORT)))
                    .replace(Field.DST_ADDRESS, b.get(Field.SRC_ADDRESS)).replace(Field.DST_PORT, b.get(Field.SRC_PORT))
                    .replace(Field.PROTOCOL, b.get(Field.PROTOCOL)).replace(Field.IN_INTERFACE, space.iface(route.iface()))
                    .replace(Field.OUT_INTERFACE, b.get(Field.IN_INTERFACE)));
        }
        return PacketSet.unionOf(universe, replyBoxes);
    }

    /**
     * Where something may route the lost replies after all: a route learned at run time, a routing rule, or a
     * routing mark the reply may reach its routing decision with (from mangle prerouting, when marks are
     * followed; any routing mark otherwise).
     */
    private Optional<Integer> mayRouteOtherwise(PacketSet lost, FirewallRule dstnatRule, Translation t, RouteResult route,
                                                Marks marks) {
        Optional<Integer> other = learnedRoutesLine.or(this::routingRuleLine);
        if (other.isPresent() || !mangle.followsRoutingMarks()) {
            return other.or(this::policyRoutingLine);
        }
        for (MangleWalk.Part p : mangle.walk("prerouting", arriving(replyPackets(lost, t, route), t), Translation.NONE,
                Stage.DSTNAT, replyState(dstnatRule, t, marks))) {
            if (!p.marks().routing().isEmpty()) {
                return Optional.of(routingMarkLine(p.marks().routing()));
            }
        }
        return Optional.empty();
    }

    /** The router has a route back to the client: the reply meets mangle and the filter forward chain. */
    private void replyThroughFilter(PacketSet part, FirewallRule dstnatRule, Translation t, RouteResult route,
                                    FirewallRule s, List<Assumption> notes, Marks marks, List<Path> out) {
        PacketSet reply = replyPackets(part, t, route);
        RuleMatcher.ConnState replyState = replyState(dstnatRule, t, marks);
        Optional<IntervalSet> translatedSource = t.get(Field.SRC_ADDRESS);
        List<MangleWalk.Part> pres = mangle.walk("prerouting", arriving(reply, t), Translation.NONE, Stage.DSTNAT,
                replyState);
        for (MangleWalk.Part pre : pres) {
            // back to the address the filter sees (the parts never differ in it: it was one translated source)
            PacketSet preReply = pres.size() == 1 ? reply : translatedSource.isEmpty() ? pre.packets()
                    : reply.intersect(pre.packets().replace(Field.DST_ADDRESS, space.allAddresses()));
            List<MangleWalk.Part> fwds = mangle.walk("forward", preReply, Translation.NONE, Stage.FORWARD,
                    replyState.withMarks(pre.marks()));
            // the routing decision comes between mangle prerouting and forward
            String replyMark = mangle.followsRoutingMarks() ? pre.marks().routing() : null;
            for (MangleWalk.Part fwd : fwds) {
                PacketSet branch = pres.size() == 1 && fwds.size() == 1 ? part : part.intersect(toClient(fwd.packets()));
                List<Assumption> branchNotes = merge(notes, merge(pre.notes(), fwd.notes()));
                PacketSet dropped = PacketSet.empty(universe);
                for (ChainRunner.Outcome o : runner.run(Table.FILTER, "forward", fwd.packets(), Translation.NONE,
                        Stage.FORWARD, replyState.withMarks(fwd.marks()))) {
                    if (o.rule() == null || !policy.of(o.rule()).action().drops()) {
                        continue;
                    }
                    PacketSet hit = branch.intersect(toClient(o.packets())).subtract(dropped);
                    if (!hit.isEmpty()) {
                        out.add(new Path(hit, Verdict.FILTERED, dstnatRule, t, route, s, o.rule(), null,
                                merge(branchNotes, o.assumptions()), true, fwd.marks()));
                        dropped = dropped.union(hit);
                    }
                }
                PacketSet ok = branch.subtract(dropped);
                if (!ok.isEmpty()) {
                    replyUplink(ok, dstnatRule, t, route, s, branchNotes, replyMark, out);
                }
            }
        }
    }

    /**
     * What is known of the connection when its reply arrives: a later packet, so it keeps the connection's
     * mark but not the first packet's packet and routing marks.
     */
    private static RuleMatcher.ConnState replyState(FirewallRule dstnatRule, Translation t, Marks marks) {
        return new RuleMatcher.ConnState(dstnatRule != null, t.get(Field.SRC_ADDRESS).isPresent(), true,
                marks.nextPacket());
    }

    /**
     * Replies as mangle prerouting sees them: conntrack undoes a src-nat after it, so they are still addressed
     * to the translated source (no need to re-address them when no walk can change a mark).
     */
    private PacketSet arriving(PacketSet reply, Translation t) {
        Optional<IntervalSet> translatedSource = t.get(Field.SRC_ADDRESS);
        return translatedSource.isEmpty() || !mangle.followsAnyMark() ? reply
                : reply.replace(Field.DST_ADDRESS, translatedSource.get());
    }

    /** Reply packets back in client coordinates: the reply's destination is the client's address and port. */
    private PacketSet toClient(PacketSet replies) {
        List<PacketBox> backBoxes = new ArrayList<>();
        for (PacketBox b : replies.boxes()) {
            backBoxes.add(PacketBox.all(universe).with(Field.SRC_ADDRESS, b.get(Field.DST_ADDRESS))
                    .with(Field.SRC_PORT, b.get(Field.DST_PORT)).with(Field.PROTOCOL, b.get(Field.PROTOCOL))
                    .with(Field.IN_INTERFACE, b.get(Field.OUT_INTERFACE)));
        }
        return PacketSet.unionOf(universe, backBoxes);
    }

    /**
     * The reply to an internet client leaves by the main table's default route. When the client came in
     * on another uplink, the reply leaves by the wrong one, with that uplink's public address as its
     * source after conntrack undoes the dst-nat, and the client never gets it. Policy routing (a routing
     * mark or rule), which natlint does not analyse, may send it back the right way: then the verdict
     * stays ok, as an assumption.
     */
    private void replyUplink(PacketSet part, FirewallRule dstnatRule, Translation t, RouteResult route, FirewallRule s,
                             List<Assumption> notes, String replyMark, List<Path> out) {
        Optional<String> replyIface = topology.defaultRouteInterface();
        if (dstnatRule != null) {
            // replies to an internet client leave by the default route: with two of the same distance,
            // by either uplink
            long client = part.project(Field.SRC_ADDRESS).min();
            if (client <= 0xFFFFFFFFL && topology.routing().lookup(client).map(l -> l.route().isDefault()).orElse(false)) {
                notes = merge(notes, equalCostNote(client));
            }
        }
        PacketSet wrong = PacketSet.empty(universe);
        if (dstnatRule != null && replyIface.isPresent()) {
            for (String wan : topology.uplinks()) {
                if (wan.equals(replyIface.get()) || replyRouting().returnsBy(wan)) {
                    continue;
                }
                IntervalSet remote = space.allAddresses();
                for (IpAddress a : topology.addressesOn(wan)) {
                    remote = remote.subtract(IntervalSet.of(a.network(), a.broadcast()));
                }
                wrong = wrong.union(part.intersect(PacketSet.of(PacketBox.all(universe)
                        .with(Field.IN_INTERFACE, space.iface(wan)).with(Field.SRC_ADDRESS, remote))));
            }
        }
        if (replyMark == null ? mangle.followsRoutingMarks() : !replyMark.isEmpty()) {
            // the reply reaches its routing decision with a routing mark (or, in some parts, may): it is routed by
            // that table, unless the mark is the reply-routing pattern natlint follows
            Optional<Integer> markLine = replyMark == null ? policyRoutingLine() : Optional.of(routingMarkLine(replyMark))
                    .filter(l -> !replyRouting().analysedLines().contains(l));
            if (markLine.isPresent()) {
                notes = merge(notes, List.of(Assumption.assumed(markLine.get(), "the reply carries "
                        + (replyMark == null ? "a routing mark" : "routing mark " + replyMark) + ", which chooses its"
                        + " routing table; natlint does not follow policy routing and routes it by the main table")));
            }
        }
        PacketSet ok = part.subtract(wrong);
        if (!wrong.isEmpty()) {
            // a reply that provably carries no routing mark is routed by the main table unless a routing rule says
            // otherwise (replyMark is null when marks are not followed or its parts differ)
            Optional<Integer> policy = replyMark != null && replyMark.isEmpty() ? routingRuleLine() : policyRoutingLine();
            if (policy.isPresent()) {
                ok = part;
                notes = merge(notes, List.of(Assumption.assumed(policy.get(), "replies to clients that came in on another"
                        + " uplink than " + replyIface.get() + " are assumed to go back that way by policy routing")));
            } else {
                out.add(new Path(wrong, Verdict.REPLY_WRONG_UPLINK, dstnatRule, t, route, s, null, null, notes));
            }
        }
        if (!ok.isEmpty()) {
            out.add(new Path(ok, Verdict.OK, dstnatRule, t, route, s, null, null, notes));
        }
    }

    /**
     * Where in chain srcnat the walk was when {@code s} took the connection: its own position, or for a rule of
     * a custom chain the first srcnat rule that jumps there (directly or through other chains); rules of
     * srcnat below that are the ones the connection never reached.
     */
    private int srcnatPositionLeadingTo(FirewallRule s) {
        if (s.chain().equals("srcnat")) {
            return s.position();
        }
        for (PolicyRule r : policy.enabled(Table.NAT, "srcnat")) {
            if (r.action() instanceof Action.Jump j && j.target().isPresent()
                    && reaches(j.target().get(), s.chain(), new java.util.HashSet<>())) {
                return r.position();
            }
        }
        return s.position();
    }

    /** Whether NAT chain {@code from} is {@code to} or jumps to it, directly or through others. */
    private boolean reaches(String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (PolicyRule r : policy.enabled(Table.NAT, from)) {
            if (r.action() instanceof Action.Jump j && j.target().isPresent() && reaches(j.target().get(), to, seen)) {
                return true;
            }
        }
        return false;
    }

    /** The first mangle rule that sets routing mark {@code mark} before the routing decision. */
    private int routingMarkLine(String mark) {
        return policy.rules(Table.MANGLE).stream().filter(r -> MangleWalk.routesBeforeRouting(r)
                        && ((Action.SetMark) r.action()).mark().equals(Optional.of(mark)))
                .map(r -> r.location().line()).findFirst().orElse(0);
    }

    /** The reply-routing patterns natlint follows, found once per analysis. */
    public synchronized ReplyRouting replyRouting() {
        if (replyRouting == null) {
            replyRouting = ReplyRouting.of(topology, policy);
        }
        return replyRouting;
    }

    /**
     * The first line of a routing mark or routing rule outside the patterns natlint follows, which may
     * route replies by other than the main table.
     */
    private Optional<Integer> policyRoutingLine() {
        Set<Integer> followed = replyRouting().analysedLines();
        Optional<Integer> mark = policy.rules(Table.MANGLE).stream().filter(r -> MangleWalk.routesBeforeRouting(r)
                && !followed.contains(r.location().line()))
                .map(r -> r.location().line()).findFirst();
        if (mark.isPresent()) {
            return mark;
        }
        return routingRuleLine();
    }

    /** The first routing rule (v7 {@code /routing rule}, v6 {@code /ip route rule}), which may route any packet. */
    private Optional<Integer> routingRuleLine() {
        RouterConfig c = topology.config();
        for (String menu : List.of("/routing rule", "/ip route rule")) {
            Optional<Integer> rule = c.items(menu).stream().filter(i -> !i.disabled() && i.location() != null)
                    .map(i -> i.location().line()).findFirst();
            if (rule.isPresent()) {
                return rule;
            }
        }
        return Optional.empty();
    }

    private static List<Assumption> merge(List<Assumption> a, List<Assumption> b) {
        return Assumption.merge(a, b);
    }

    // ---- flows and their step tables -------------------------------------------------------------

    private Flow flow(Forward f, Source s, Path p, PacketBox found) {
        PacketBox box = found.interned(sharedFields);
        Packet ex = Examples.packet(box, f == null ? IntervalSet.empty() : f.targetAddresses());
        List<Step> steps = new StepWriter(space, topology, matcher).steps(ex, p.verdict(), p.dstnat(), p.translation(),
                p.route(), p.srcnat(), p.decisive(), p.related(), f, p.replyDropped(), p.marks());
        return new Flow(f, s, PacketSet.of(box), p.verdict(), steps, p.decisive(), p.related(),
                merge(p.assumptions(), roleGuesses(f, s)), ex, p.replyDropped());
    }

    /**
     * The roles guessed from a list name that a flow rests on: its clients' interface, and the WANs whose
     * addresses stand for the forward's public address when the forward names none.
     */
    private List<Assumption> roleGuesses(Forward f, Source s) {
        List<Assumption> out = List.of();
        Assumption own = topology.role(s.iface()).guess();
        if (own != null) {
            out = List.of(own);
        }
        PolicyRule fwd = f == null ? null : policy.of(f.rule());
        if (fwd != null && fwd.address(Guard.Side.DST).isEmpty()
                && fwd.guard(Guard.AddressList.class, g -> g.side() == Guard.Side.DST).isEmpty()) {
            for (String wan : topology.wanInterfaces()) {
                Assumption g = topology.role(wan).guess();
                if (g != null) {
                    out = merge(out, List.of(g));
                }
            }
        }
        return out;
    }
}
