package dev.natlint.lsp;

import dev.natlint.diag.Location;
import dev.natlint.model.AddressListEntry;
import dev.natlint.model.FirewallRule;
import dev.natlint.model.Interface;
import dev.natlint.model.InterfaceList;
import dev.natlint.model.RouterConfig;
import dev.natlint.model.Table;
import dev.natlint.parse.Command;
import dev.natlint.parse.RouterOsLexer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The names a script defines and uses: interfaces, interface lists, address lists and chains. A name under
 * the cursor is recognised by the property it is the value of ({@code in-interface-list=WAN}).
 */
final class Names {

    enum Kind {
        INTERFACE("interface"), INTERFACE_LIST("interface list"), ADDRESS_LIST("address list"), CHAIN("chain");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A name used at {@code range}, inside {@code command}. */
    record Use(Kind kind, String name, Command command, Range range) {
    }

    /** Where a name is defined, and what to say about it. */
    record Definition(List<Location> locations, String markdown) {
    }

    private static final Set<String> INTERFACE_KEYS = Set.of("interface", "in-interface", "out-interface", "bridge");
    private static final Set<String> LIST_KEYS = Set.of("in-interface-list", "out-interface-list");
    private static final Set<String> ADDRESS_LIST_KEYS = Set.of("src-address-list", "dst-address-list", "address-list");

    private Names() {
    }

    static Optional<Use> at(Analysis a, Position p) {
        if (a.context() == null) {
            return Optional.empty();
        }
        SourceMap src = a.source();
        Token value = src.tokenAt(p).orElse(null);
        if (value == null || (value.getType() != RouterOsLexer.VALUE && value.getType() != RouterOsLexer.STRING)) {
            return Optional.empty();
        }
        Token key = src.previous(value);
        if (key == null || key.getType() != RouterOsLexer.KEY_EQ) {
            return Optional.empty();
        }
        String k = key.getText().substring(key.getText().startsWith("!") ? 1 : 0, key.getText().length() - 1);
        String raw = value.getText();
        Command command = commandAt(a, p).orElse(null);
        if (command == null) {
            return Optional.empty();
        }
        // the parser's decoded value (escapes, continuations, variables), found by where its key starts
        int keyLine = key.getLine();
        int keyColumn = key.getCharPositionInLine() + 1;
        String name = command.properties().stream()
                .filter(x -> x.location().line() == keyLine && x.location().column() == keyColumn)
                .map(x -> x.value().text()).findFirst().orElse(null);
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith("!")) {
            name = name.substring(1);
        }
        String menu = command.menu();
        Kind kind = null;
        if (INTERFACE_KEYS.contains(k)) {
            kind = Kind.INTERFACE;
        } else if (LIST_KEYS.contains(k) || (k.equals("list") && menu.equals("/interface list member"))) {
            kind = Kind.INTERFACE_LIST;
        } else if (ADDRESS_LIST_KEYS.contains(k) || (k.equals("list") && menu.equals("/ip firewall address-list"))) {
            kind = Kind.ADDRESS_LIST;
        } else if ((k.equals("jump-target") || k.equals("chain")) && Table.forPath(command.path()) != null) {
            kind = Kind.CHAIN;
        }
        if (kind == null || name.isEmpty()) {
            return Optional.empty();
        }
        int start = src.offset(value.getLine(), value.getCharPositionInLine() + 1);
        Range range = new Range(src.position(start), src.position(start + raw.length()));
        return Optional.of(new Use(kind, name, command, range));
    }

    /** The configuration command whose text contains {@code p} (the innermost, for commands in blocks). */
    static Optional<Command> commandAt(Analysis a, Position p) {
        Command best = null;
        for (Command c : a.context().script().commands()) {
            if (c.location().line() > p.getLine() + 1) {
                continue;
            }
            Range r = a.source().statement(c.location().line(), c.location().column());
            if (SourceMap.contains(r, p) && (best == null || c.location().compareTo(best.location()) > 0)) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    static Optional<Definition> define(RouterConfig c, Use use) {
        String n = use.name();
        return switch (use.kind()) {
            case INTERFACE -> c.findInterface(n).map(i -> new Definition(located(i.location()), describe(i, c)));
            case INTERFACE_LIST -> c.findInterfaceList(n).map(l -> new Definition(located(l.location()), describe(l, c)));
            case ADDRESS_LIST -> addressList(c, n);
            case CHAIN -> chain(c, Table.forPath(use.command().path()), n);
        };
    }

    private static List<Location> located(Location l) {
        return l == null ? List.of() : List.of(l);
    }

    private static String describe(Interface i, RouterConfig c) {
        StringBuilder sb = new StringBuilder("**interface** `").append(i.name()).append("`: ")
                .append(i.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (i.defaultName() != null && !i.defaultName().equals(i.name())) {
            sb.append(" (factory name ").append(i.defaultName()).append(')');
        }
        if (i.parent() != null) {
            sb.append(" on ").append(i.parent());
        }
        if (i.vlanId() != null) {
            sb.append(", VLAN ").append(i.vlanId());
        }
        if (i.disabled()) {
            sb.append(", disabled");
        }
        sb.append('\n');
        if (i.implicit() || i.location() == null) {
            sb.append("\nA physical port the script uses but never declares.\n");
        } else {
            sb.append("\nDefined at line ").append(i.location().line()).append(".\n");
        }
        List<String> addresses = c.addresses().stream().filter(x -> x.iface().equals(i.name()))
                .map(x -> dev.natlint.net.Ipv4.format(x.address()) + "/" + x.prefixLength()
                        + (x.location() == null ? "" : " (line " + x.location().line() + ")")).toList();
        if (!addresses.isEmpty()) {
            sb.append("\nAddresses: ").append(String.join(", ", addresses)).append('\n');
        }
        if (i.comment() != null) {
            sb.append("\nComment: ").append(FlowHover.cell(i.comment())).append('\n');
        }
        return sb.toString();
    }

    private static String describe(InterfaceList l, RouterConfig c) {
        StringBuilder sb = new StringBuilder("**interface list** `").append(l.name()).append('`');
        if (l.builtin() || l.location() == null) {
            sb.append(": built into RouterOS.\n");
        } else {
            sb.append(": defined at line ").append(l.location().line()).append(".\n");
        }
        sb.append("\nMembers: ").append(c.interfaceListMembers(l.name()).isEmpty() ? "none"
                : String.join(", ", c.interfaceListMembers(l.name()))).append('\n');
        return sb.toString();
    }

    private static Optional<Definition> addressList(RouterConfig c, String name) {
        List<AddressListEntry> entries = c.addressListEntries().stream().filter(e -> e.list().equals(name)).toList();
        List<FirewallRule> fillers = new ArrayList<>();
        for (Table t : Table.values()) {
            c.rules(t).stream().filter(r -> r.action().startsWith("add-") && name.equals(r.get("address-list").orElse(null)))
                    .forEach(fillers::add);
        }
        if (entries.isEmpty() && fillers.isEmpty()) {
            return Optional.empty();
        }
        List<Location> at = new ArrayList<>();
        entries.stream().map(AddressListEntry::location).filter(java.util.Objects::nonNull).forEach(at::add);
        fillers.stream().map(FirewallRule::location).filter(java.util.Objects::nonNull).forEach(at::add);
        at.sort(Comparator.naturalOrder());
        StringBuilder sb = new StringBuilder("**address list** `").append(name).append("`: ").append(entries.size())
                .append(entries.size() == 1 ? " static entry" : " static entries");
        if (!entries.isEmpty()) {
            sb.append(", first at line ").append(entries.get(0).location().line());
        }
        sb.append(".\n");
        if (!entries.isEmpty()) {
            sb.append("\n").append(String.join(", ", entries.stream().limit(10).map(AddressListEntry::address).toList()))
                    .append(entries.size() > 10 ? ", ..." : "").append('\n');
        }
        if (!fillers.isEmpty()) {
            sb.append("\nAlso filled at run time by the rule").append(fillers.size() == 1 ? "" : "s").append(" at line")
                    .append(fillers.size() == 1 ? " " : "s ")
                    .append(String.join(", ", fillers.stream().map(r -> String.valueOf(r.location().line())).toList()))
                    .append(".\n");
        }
        return Optional.of(new Definition(at, sb.toString()));
    }

    private static final Set<String> BUILTIN_CHAINS = Set.of("input", "forward", "output", "prerouting", "postrouting",
            "srcnat", "dstnat");

    private static Optional<Definition> chain(RouterConfig c, Table table, String name) {
        if (table == null) {
            return Optional.empty();
        }
        List<FirewallRule> rules = c.rules(table).stream().filter(r -> r.chain().equals(name) && r.location() != null)
                .sorted(Comparator.comparing(FirewallRule::location)).toList();
        boolean builtin = BUILTIN_CHAINS.contains(name);
        if (rules.isEmpty() && !builtin) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("**chain** `").append(name).append("` of ").append(table.menu()).append(": ")
                .append(builtin ? "built into RouterOS, " : "").append(rules.size()).append(rules.size() == 1 ? " rule" : " rules");
        if (!rules.isEmpty()) {
            sb.append(", the first at line ").append(rules.get(0).location().line());
        }
        sb.append(".\n");
        return Optional.of(new Definition(rules.isEmpty() ? List.of() : List.of(rules.get(0).location()), sb.toString()));
    }
}
