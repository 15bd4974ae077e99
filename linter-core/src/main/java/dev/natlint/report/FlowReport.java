package dev.natlint.report;

import dev.natlint.diag.Assumption;
import dev.natlint.diag.Certainty;
import dev.natlint.flow.AddressSpace;
import dev.natlint.flow.Flow;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.flow.Forward;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Step;
import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.graph.Link;
import dev.natlint.graph.Node;
import dev.natlint.graph.RouteEntry;
import dev.natlint.graph.Role;
import dev.natlint.graph.Topology;
import dev.natlint.net.Cidrs;
import dev.natlint.net.Ipv4;
import dev.natlint.net.Ports;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/** The output of {@code natlint explain} and {@code natlint trace}: flows with their step tables. */
public final class FlowReport {

    private FlowReport() {
    }

    // ---- JSON -----------------------------------------------------------------------------------

    public static String json(FlowAnalyzer analyzer, List<Flow> flows) {
        List<Object> out = new ArrayList<>();
        for (Flow f : flows) {
            out.add(flowJson(analyzer.space(), f));
        }
        return Json.write(Json.obj().put("flows", out));
    }

    public static Json.Obj flowJson(AddressSpace space, Flow f) {
        Json.Obj o = Json.obj();
        Forward fw = f.forward();
        o.put("forwardLine", fw == null ? null : fw.line());
        o.put("protocol", protocols(f.packets().project(Field.PROTOCOL)));
        o.put("ports", Ports.formatEach(f.packets().project(Field.DST_PORT)));
        o.put("publicAddresses", addresses(space, f.packets().project(Field.DST_ADDRESS)));
        o.put("target", fw == null ? null : Json.obj().put("address", fw.rule().get("to-addresses").orElse(null))
                .put("port", fw.targetPorts() == null ? null : Ports.format(fw.targetPorts())));
        o.put("source", f.source().name());
        o.put("inInterface", f.source().iface());
        o.put("sources", Cidrs.render(f.packets().project(Field.SRC_ADDRESS)));
        o.put("works", f.works());
        o.put("verdict", f.verdict().id());
        o.put("decisiveRuleLine", f.decisive() == null ? null : f.decisive().location().line());
        List<Object> steps = new ArrayList<>();
        for (Step s : f.steps()) {
            steps.add(Json.obj().put("step", s.number()).put("source", s.source()).put("sourcePort", s.sourcePort())
                    .put("destination", s.destination()).put("destinationPort", s.destinationPort())
                    .put("what", s.what()).put("ruleLine", s.ruleLine() == 0 ? null : s.ruleLine()));
        }
        o.put("steps", steps);
        o.put("certainty", f.certainty().id());
        o.put("assumptions", Json.assumptions(f.assumptions()));
        return o;
    }

    private static List<String> addresses(AddressSpace space, IntervalSet s) {
        List<String> out = new ArrayList<>(Cidrs.render(s));
        for (int i = 0; i < s.intervalCount(); i++) {
            for (long a = Math.max(s.lo(i), 1L << 32); a <= s.hi(i); a++) {
                out.add(space.describe(a));
            }
        }
        return out;
    }

    private static String protocols(IntervalSet p) {
        if (p.equals(IntervalSet.of(0, 255))) {
            return "any";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < p.intervalCount(); i++) {
            for (long n = p.lo(i); n <= p.hi(i) && names.size() < 8; n++) {
                names.add(n == 6 ? "tcp" : n == 17 ? "udp" : String.valueOf(n));
            }
        }
        return String.join(",", names);
    }

    // ---- text -----------------------------------------------------------------------------------

    public static String text(FlowAnalyzer analyzer, List<ForwardFlows> forwards) {
        StringBuilder sb = new StringBuilder();
        Topology t = analyzer.topology();
        sb.append("interfaces:\n");
        for (Role r : t.roles()) {
            sb.append("  ").append(r.iface()).append(": ").append(r.kind().name()).append(" (")
                    .append(String.join("; ", r.evidence())).append(")\n");
        }
        if (forwards.isEmpty()) {
            sb.append("no port forwards (enabled dst-nat rules) found\n");
        }
        for (ForwardFlows ff : forwards) {
            Forward fw = ff.forward();
            sb.append('\n').append("forward at line ").append(fw.line()).append(": ")
                    .append(protocols(fw.protocols())).append(' ')
                    .append(String.join(",", addresses(analyzer.space(), fw.publicAddresses()))).append(':')
                    .append(Ports.format(fw.ports())).append(" -> ").append(fw.rule().get("to-addresses").orElse("?"))
                    .append(fw.targetPorts() == null ? "" : ":" + Ports.format(fw.targetPorts())).append('\n');
            for (Flow f : ff.flows()) {
                sb.append(flowText(f));
            }
        }
        return sb.toString();
    }

    public static String flowText(Flow f) {
        StringBuilder sb = new StringBuilder();
        sb.append("  ").append(f.verdict().id()).append(": ").append(f.source().name()).append(", sources ")
                .append(String.join(" ", Cidrs.render(f.packets().project(Field.SRC_ADDRESS)))).append(", ports ")
                .append(Ports.format(f.packets().project(Field.DST_PORT))).append('\n');
        sb.append(table(f.steps(), "    "));
        for (Assumption a : f.assumptions()) {
            sb.append("    ").append(a.certainty() == Certainty.UNKNOWN ? "unknown: " : "assumption: ")
                    .append(a.describe()).append('\n');
        }
        return sb.toString();
    }

    /** A fixed-width step table like the ones in the hairpin article. */
    public static String table(List<Step> steps, String indent) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"step", "source", "destination", "what happened"});
        for (Step s : steps) {
            rows.add(new String[] {String.valueOf(s.number()), s.source() + ":" + s.sourcePort(),
                    s.destination() + ":" + s.destinationPort(), s.what()});
        }
        int[] w = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(indent);
            for (int i = 0; i < 3; i++) {
                sb.append(r[i]).append(" ".repeat(w[i] - r[i].length() + 2));
            }
            sb.append(r[3]).append('\n');
        }
        return sb.toString();
    }

    // ---- DOT ------------------------------------------------------------------------------------

    /** The topology graph with each forward's flows drawn from the clients' interface to the server's network. */
    public static String dot(FlowAnalyzer analyzer, List<Flow> flows) {
        Topology t = analyzer.topology();
        Graph<String, DotEdge> g = new DirectedPseudograph<>(DotEdge.class);
        Map<String, Map<String, Attribute>> vattrs = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Node n : t.graph().vertexSet().stream().sorted(java.util.Comparator.comparing(FlowReport::key)).toList()) {
            String id = "n" + ids.size();
            ids.put(key(n), id);
            g.addVertex(id);
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(n.label()
                    + (n instanceof Node.InterfaceNode i ? "\\n" + t.role(i.name()).kind().name().toLowerCase(java.util.Locale.ROOT) : "")));
            a.put("shape", DefaultAttribute.createAttribute(n instanceof Node.SubnetNode ? "ellipse"
                    : n instanceof Node.InternetNode ? "cloud" : n instanceof Node.GatewayNode ? "diamond"
                    : n instanceof Node.RouterNode ? "doubleoctagon" : "box"));
            vattrs.put(id, a);
        }
        List<Link> links = t.graph().edgeSet().stream()
                .sorted(java.util.Comparator.comparing((Link l) -> key(l.from())).thenComparing(l -> key(l.to()))
                        .thenComparing(l -> l.kind().name()).thenComparing(FlowReport::edgeLabel)).toList();
        for (Link l : links) {
            g.addEdge(ids.get(key(l.from())), ids.get(key(l.to())),
                    new DotEdge(edgeLabel(l), "gray", false));
        }
        for (Flow f : flows) {
            if (f.forward() == null) {
                continue;
            }
            String from = ids.get(key(new Node.InterfaceNode(f.source().iface(), null, true)));
            long target = f.forward().targetAddresses().min();
            // to where the forward path to the server ends: its subnet, or the network behind a LAN router
            String to = t.routing().forward(target).map(p -> ids.get(key(p.end()))).orElse(null);
            if (from == null || to == null) {
                continue;
            }
            String label = "line " + f.forward().line() + " " + Ports.format(f.packets().project(Field.DST_PORT)) + " -> "
                    + Ipv4.format(target) + ": " + f.verdict().id();
            g.addEdge(from, to, new DotEdge(label, f.works() ? "darkgreen" : "red", true));
        }
        DOTExporter<String, DotEdge> exporter = new DOTExporter<>(v -> v);
        exporter.setGraphIdProvider(() -> "natlint");
        exporter.setVertexAttributeProvider(vattrs::get);
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(e.label()));
            a.put("color", DefaultAttribute.createAttribute(e.colour()));
            if (!e.flow()) {
                a.put("style", DefaultAttribute.createAttribute("dashed"));
            }
            return a;
        });
        StringWriter w = new StringWriter();
        exporter.exportGraph(g, w);
        return w.toString();
    }

    /** An edge of the DOT picture; an identity-unique object, as JGraphT requires. */
    public static final class DotEdge {
        private final String label;
        private final String colour;
        private final boolean flow;

        DotEdge(String label, String colour, boolean flow) {
            this.label = label;
            this.colour = colour;
            this.flow = flow;
        }

        String label() {
            return label;
        }

        String colour() {
            return colour;
        }

        boolean flow() {
            return flow;
        }
    }

    private static String key(Node n) {
        if (n instanceof Node.InterfaceNode i) {
            return "1 " + i.name();
        }
        if (n instanceof Node.SubnetNode s) {
            return "2 " + String.format("%010d/%02d", s.network(), s.prefixLength());
        }
        if (n instanceof Node.GatewayNode g) {
            return "3 " + g.iface() + " " + String.format("%011d", g.address());
        }
        return n instanceof Node.RouterNode ? "0 router" : "0 internet";
    }

    /** An edge's label: its kind, and for a route its distance and table ({@code route d=1 main}). */
    private static String edgeLabel(Link l) {
        String kind = l.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        RouteEntry r = l.route();
        if (r == null || r.origin() == RouteEntry.Origin.CONNECTED) {
            return kind;
        }
        return kind + (r.origin() == RouteEntry.Origin.BLACKHOLE ? " blackhole" : "") + " d=" + r.distance()
                + (r.table().equals("main") ? "" : " table " + r.table());
    }
}
