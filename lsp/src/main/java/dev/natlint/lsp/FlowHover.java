package dev.natlint.lsp;

import dev.natlint.flow.AddressSpace;
import dev.natlint.flow.Flow;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.flow.Forward;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Step;
import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.net.Cidrs;
import dev.natlint.net.Ports;
import java.util.ArrayList;
import java.util.List;

/**
 * A forward's flows in Markdown: the verdict for every LAN subnet and uplink, and the step table (the one
 * {@code natlint explain} prints) of each flow that does not work.
 */
final class FlowHover {

    private FlowHover() {
    }

    static String markdown(AddressSpace space, ForwardFlows ff) {
        Forward fw = ff.forward();
        StringBuilder sb = new StringBuilder();
        sb.append("**natlint: forward at line ").append(fw.line()).append("**: ")
                .append(protocols(fw.protocols())).append(' ')
                .append(String.join(",", addresses(space, fw.publicAddresses()))).append(':')
                .append(Ports.format(fw.ports())).append(" \u2192 ")
                .append(fw.rule().get("to-addresses").orElse("?"))
                .append(fw.targetPorts() == null ? "" : ":" + Ports.format(fw.targetPorts())).append("\n\n");
        if (ff.flows().isEmpty()) {
            sb.append("No client reaches this forward.\n");
            return sb.toString();
        }
        sb.append("| clients | interface | sources | ports | verdict |\n|---|---|---|---|---|\n");
        for (Flow f : ff.flows()) {
            sb.append("| ").append(cell(f.source().name())).append(" | ").append(cell(f.source().iface())).append(" | ")
                    .append(cell(String.join(" ", Cidrs.render(f.packets().project(Field.SRC_ADDRESS))))).append(" | ")
                    .append(cell(Ports.format(f.packets().project(Field.DST_PORT)))).append(" | ")
                    .append(f.works() ? "ok" : "**" + f.verdict().id() + "**").append(" |\n");
        }
        for (Flow f : ff.flows()) {
            if (f.works()) {
                continue;
            }
            sb.append("\n**").append(f.verdict().id()).append("**: ").append(cell(f.source().name()))
                    .append("\n\n");
            sb.append(table(f.steps()));
            for (dev.natlint.diag.Assumption a : f.assumptions()) {
                sb.append("\n_assumption_: ").append(cell(a.describe())).append('\n');
            }
        }
        return sb.toString();
    }

    static String table(List<Step> steps) {
        StringBuilder sb = new StringBuilder("| step | source | destination | what happened |\n|---|---|---|---|\n");
        for (Step s : steps) {
            sb.append("| ").append(s.number()).append(" | ").append(cell(s.source() + ":" + s.sourcePort()))
                    .append(" | ").append(cell(s.destination() + ":" + s.destinationPort())).append(" | ")
                    .append(cell(s.what())).append(" |\n");
        }
        return sb.toString();
    }

    /** Table cells must not break the table: pipes escaped, line breaks flattened. */
    static String cell(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }

    private static List<String> addresses(AddressSpace space, IntervalSet s) {
        List<String> out = new ArrayList<>(Cidrs.render(s));
        // values past IPv4 are symbolic addresses (a DHCP- or PPPoE-assigned WAN address)
        for (int i = 0; i < s.intervalCount() && out.size() < 16; i++) {
            for (long a = Math.max(s.lo(i), 1L << 32); a <= s.hi(i) && out.size() < 16; a++) {
                out.add(space.describe(a));
            }
        }
        return out;
    }

    private static String protocols(IntervalSet p) {
        if (p.equals(IntervalSet.of(0, 255))) {
            return "any protocol";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < p.intervalCount() && names.size() < 8; i++) {
            for (long n = p.lo(i); n <= p.hi(i) && names.size() < 8; n++) {
                names.add(n == 6 ? "tcp" : n == 17 ? "udp" : String.valueOf(n));
            }
        }
        return String.join(",", names);
    }
}
