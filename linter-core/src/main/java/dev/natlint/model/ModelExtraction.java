package dev.natlint.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the typed configuration model off the replayed menu tables. */
final class ModelExtraction {

    /** Properties with their own record fields; the rest of an interface's properties stay generic. */
    private static final Set<String> INTERFACE_FIELDS = Set.of("name", "default-name", "interface", "vlan-id",
            "disabled", "comment");
    private static final Set<String> RULE_FIELDS = Set.of("chain", "action", "disabled", "comment");

    private ModelExtraction() {
    }

    static RouterConfig extract(String file, Optional<String> version, Map<String, List<ReplayedItem>> tables,
                                List<UnmatchedChange> unmatched) {
        Map<String, List<ConfigItem>> items = new LinkedHashMap<>();
        tables.forEach((menu, list) -> items.put(menu, list.stream()
                .map(i -> new ConfigItem(menu, i.props(), i.disabled(), i.location())).toList()));
        Map<Table, List<FirewallRule>> firewall = new EnumMap<>(Table.class);
        for (Table t : Table.values()) {
            firewall.put(t, rules(t, tables.getOrDefault(t.menu(), List.of())));
        }
        List<IpService> services = tables.getOrDefault("/ip service", List.of()).stream()
                .filter(i -> i.get("name") != null)
                .map(i -> new IpService(i.get("name"), intOr(i.get("port"), 0), i.disabled(),
                        splitList(i.get("address")), i.location()))
                .toList();
        List<ReplayedItem> dns = tables.getOrDefault("/ip dns", List.of());
        boolean allowRemote = !dns.isEmpty() && ConfigBuilder.isYes(dns.get(0).get("allow-remote-requests"));
        return new RouterConfig(file, version, interfaces(tables), bridgePorts(tables), interfaceLists(tables),
                listMembers(tables), addresses(tables), routes(tables), dhcpClients(tables),
                addressListEntries(tables), firewall, services, dnsStatic(tables), allowRemote, items, unmatched);
    }

    private static List<Interface> interfaces(Map<String, List<ReplayedItem>> tables) {
        List<Interface> out = new ArrayList<>();
        tables.forEach((menu, list) -> {
            if (!menu.startsWith("/interface ") || menu.indexOf(' ', "/interface ".length()) >= 0) {
                return;
            }
            InterfaceType type = InterfaceType.forMenu(menu.substring("/interface ".length()));
            if (type == null) {
                return;
            }
            for (ReplayedItem i : list) {
                if (i.get("name") == null) {
                    continue; // nothing can refer to it, and every later stage keys interfaces by name
                }
                Map<String, String> rest = new LinkedHashMap<>(i.props());
                rest.keySet().removeAll(INTERFACE_FIELDS);
                InterfaceType actual = type == InterfaceType.ETHERNET && "lo".equals(i.get("default-name"))
                        ? InterfaceType.LOOPBACK : type;
                out.add(new Interface(i.get("name"), i.get("default-name"), actual,
                        type == InterfaceType.BRIDGE ? null : i.get("interface"), intOrNull(i.get("vlan-id")),
                        i.disabled(), i.get("comment"), i.location(), i.implicit(), rest));
            }
        });
        return out;
    }

    private static List<BridgePort> bridgePorts(Map<String, List<ReplayedItem>> tables) {
        return tables.getOrDefault("/interface bridge port", List.of()).stream()
                .filter(i -> i.get("bridge") != null && i.get("interface") != null)
                .map(i -> new BridgePort(i.get("bridge"), i.get("interface"), intOrNull(i.get("pvid")), i.disabled(),
                        i.location()))
                .toList();
    }

    private static List<InterfaceList> interfaceLists(Map<String, List<ReplayedItem>> tables) {
        List<InterfaceList> out = new ArrayList<>();
        for (String builtin : List.of("all", "dynamic", "none", "static")) {
            out.add(new InterfaceList(builtin, List.of(), List.of(), true, null));
        }
        tables.getOrDefault("/interface list", List.of()).stream().filter(i -> i.get("name") != null)
                .forEach(i -> out.add(new InterfaceList(i.get("name"), splitList(i.get("include")),
                        splitList(i.get("exclude")), false, i.location())));
        return out;
    }

    private static List<InterfaceListMember> listMembers(Map<String, List<ReplayedItem>> tables) {
        return tables.getOrDefault("/interface list member", List.of()).stream()
                .filter(i -> i.get("list") != null && i.get("interface") != null)
                .map(i -> new InterfaceListMember(i.get("list"), i.get("interface"), i.disabled(), i.location()))
                .toList();
    }

    private static List<IpAddress> addresses(Map<String, List<ReplayedItem>> tables) {
        List<IpAddress> out = new ArrayList<>();
        for (ReplayedItem i : tables.getOrDefault("/ip address", List.of())) {
            long[] prefix = parsePrefix(i.get("address"));
            if (prefix != null && i.get("interface") != null) {
                out.add(new IpAddress(prefix[0], (int) prefix[1], i.get("interface"), i.disabled(), i.location()));
            }
        }
        return out;
    }

    private static List<Route> routes(Map<String, List<ReplayedItem>> tables) {
        List<Route> out = new ArrayList<>();
        for (ReplayedItem i : tables.getOrDefault("/ip route", List.of())) {
            String dst = i.get("dst-address");
            long[] prefix = dst == null ? new long[] {0, 0} : parsePrefix(dst);
            if (prefix == null) {
                continue;
            }
            String table = Optional.ofNullable(i.get("routing-table")).or(() -> Optional.ofNullable(i.get("routing-mark")))
                    .orElse("main");
            boolean blackhole = ConfigBuilder.isYes(i.get("blackhole")) || "blackhole".equals(i.get("type"));
            out.add(new Route(prefix[0], (int) prefix[1], i.get("gateway"), intOr(i.get("distance"), 1), table,
                    blackhole, i.disabled(), i.location()));
        }
        return out;
    }

    private static List<DhcpClient> dhcpClients(Map<String, List<ReplayedItem>> tables) {
        return tables.getOrDefault("/ip dhcp-client", List.of()).stream().filter(i -> i.get("interface") != null)
                .map(i -> new DhcpClient(i.get("interface"), !"no".equals(i.get("add-default-route")),
                        intOr(i.get("default-route-distance"), DhcpClient.DEFAULT_DISTANCE), i.disabled(), i.location()))
                .toList();
    }

    private static List<AddressListEntry> addressListEntries(Map<String, List<ReplayedItem>> tables) {
        return tables.getOrDefault("/ip firewall address-list", List.of()).stream()
                .filter(i -> i.get("list") != null && i.get("address") != null)
                .map(i -> new AddressListEntry(i.get("list"), i.get("address"), i.disabled(), i.location()))
                .toList();
    }

    private static List<DnsStatic> dnsStatic(Map<String, List<ReplayedItem>> tables) {
        return tables.getOrDefault("/ip dns static", List.of()).stream()
                .map(i -> new DnsStatic(i.get("name"), i.get("regexp"), i.get("address"),
                        Optional.ofNullable(i.get("type")).orElse("A"), i.disabled(), i.location()))
                .toList();
    }

    private static List<FirewallRule> rules(Table table, List<ReplayedItem> items) {
        List<FirewallRule> out = new ArrayList<>();
        for (ReplayedItem i : items) {
            Map<String, String> props = new LinkedHashMap<>(i.props());
            props.keySet().removeAll(RULE_FIELDS);
            out.add(new FirewallRule(table, out.size(), Optional.ofNullable(i.get("chain")).orElse(""),
                    Optional.ofNullable(i.get("action")).orElse("accept"), props, i.disabled(), i.get("comment"),
                    i.location()));
        }
        return out;
    }

    static List<String> splitList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int intOr(String v, int fallback) {
        Integer n = intOrNull(v);
        return n == null ? fallback : n;
    }

    private static Integer intOrNull(String v) {
        if (v == null || !v.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(v);
    }

    /** {@code a.b.c.d[/len]} to {address, length}; null when it is not IPv4. */
    private static long[] parsePrefix(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            return null;
        }
        String[] octets = parts[0].split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        long addr = 0;
        for (String o : octets) {
            if (!o.matches("\\d{1,3}") || Integer.parseInt(o) > 255) {
                return null;
            }
            addr = (addr << 8) | Integer.parseInt(o);
        }
        int len = 32;
        if (parts.length == 2) {
            if (!parts[1].matches("\\d{1,2}") || Integer.parseInt(parts[1]) > 32) {
                return null;
            }
            len = Integer.parseInt(parts[1]);
        }
        return new long[] {addr, len};
    }
}
