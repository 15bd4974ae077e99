package dev.natlint.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one script configures, with RouterOS semantics applied: renames resolved, {@code place-before}
 * and {@code move} applied, defaults present. Analyses read only this, never the parse tree.
 */
public record RouterConfig(String file, Optional<String> routerOsVersion, List<Interface> interfaces,
                           List<BridgePort> bridgePorts, List<InterfaceList> interfaceLists,
                           List<InterfaceListMember> interfaceListMembers, List<IpAddress> addresses,
                           List<Route> routes, List<DhcpClient> dhcpClients,
                           List<AddressListEntry> addressListEntries, Map<Table, List<FirewallRule>> firewall,
                           List<IpService> services, List<DnsStatic> dnsStatic, boolean dnsAllowRemoteRequests,
                           Map<String, List<ConfigItem>> items, List<UnmatchedChange> unmatchedChanges) {

    public static final Set<String> BUILTIN_LISTS = Set.of("all", "none", "dynamic", "static");

    public RouterConfig {
        unmatchedChanges = List.copyOf(unmatchedChanges);
        interfaces = List.copyOf(interfaces);
        bridgePorts = List.copyOf(bridgePorts);
        interfaceLists = List.copyOf(interfaceLists);
        interfaceListMembers = List.copyOf(interfaceListMembers);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        dhcpClients = List.copyOf(dhcpClients);
        addressListEntries = List.copyOf(addressListEntries);
        firewall = Map.copyOf(firewall);
        services = List.copyOf(services);
        dnsStatic = List.copyOf(dnsStatic);
        items = Map.copyOf(items);
    }

    public List<FirewallRule> rules(Table table) {
        return firewall.getOrDefault(table, List.of());
    }

    public List<FirewallRule> natRules() {
        return rules(Table.NAT);
    }

    public List<FirewallRule> filterRules() {
        return rules(Table.FILTER);
    }

    public Optional<Interface> findInterface(String name) {
        return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<InterfaceList> findInterfaceList(String name) {
        return interfaceLists.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public boolean hasAddressList(String name) {
        return addressListEntries.stream().anyMatch(e -> e.list().equals(name));
    }

    public List<AddressListEntry> addressList(String name) {
        return addressListEntries.stream().filter(e -> e.list().equals(name) && !e.disabled()).toList();
    }

    public List<ConfigItem> items(String menu) {
        return items.getOrDefault(menu, List.of());
    }

    /** Enabled static ports of {@code bridge}. */
    public List<String> bridgePortsOf(String bridge) {
        return bridgePorts.stream().filter(p -> !p.disabled() && p.bridge().equals(bridge)).map(BridgePort::iface).toList();
    }

    /**
     * Interfaces in list {@code name}: static members, plus members of included lists, minus members of
     * excluded lists; {@code all} is every interface, {@code static} every declared one, and
     * {@code none}/{@code dynamic} are empty because dynamic members never appear in a script.
     * Sorted for deterministic output; include cycles are cut.
     */
    public Set<String> interfaceListMembers(String name) {
        return members(name, new ArrayDeque<>());
    }

    private Set<String> members(String name, Deque<String> visiting) {
        Set<String> result = new TreeSet<>();
        if (visiting.contains(name)) {
            return result;
        }
        switch (name) {
            case "all", "static" -> {
                interfaces.forEach(i -> result.add(i.name()));
                return result;
            }
            case "none", "dynamic" -> {
                return result;
            }
            default -> { }
        }
        visiting.push(name);
        Optional<InterfaceList> list = findInterfaceList(name);
        Set<String> excluded = new LinkedHashSet<>();
        list.ifPresent(l -> {
            l.include().forEach(inc -> result.addAll(members(inc, visiting)));
            l.exclude().forEach(exc -> excluded.addAll(members(exc, visiting)));
        });
        result.removeAll(excluded);
        interfaceListMembers.stream().filter(m -> !m.disabled() && m.list().equals(name))
                .forEach(m -> result.add(m.iface()));
        visiting.pop();
        return result;
    }
}
