package dev.natlint.model;

import dev.natlint.diag.Location;
import dev.natlint.parse.Arg;
import dev.natlint.parse.Command;
import dev.natlint.parse.NumberBounds;
import dev.natlint.parse.ParsedScript;
import dev.natlint.parse.RouterOsReader;
import dev.natlint.parse.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replays a script's commands the way the router would apply them, item by item, and then reads the
 * typed model off the result. Commands inside conditional script constructs are not applied.
 *
 * <p>References to interfaces are bound to the interface item at the moment the command runs, so a
 * later rename moves the reference along, exactly as RouterOS keeps references by internal id.
 */
public final class ConfigBuilder {

    /** Interface menus whose items exist on the router before any script: physical ports. */
    private static final Set<String> PHYSICAL_MENUS = Set.of("ethernet", "wireless", "wifi", "wifiwave2", "lte", "w60g");

    /** Properties that name an interface, per menu. Firewall tables add in-/out-interface. */
    private static final Map<String, Set<String>> INTERFACE_REFS = Map.of(
            "/interface vlan", Set.of("interface"),
            "/interface pppoe-client", Set.of("interface"),
            "/interface vrrp", Set.of("interface"),
            "/interface bridge port", Set.of("interface", "bridge"),
            "/interface list member", Set.of("interface"),
            "/ip address", Set.of("interface"),
            "/ip dhcp-client", Set.of("interface"),
            "/ip dhcp-server", Set.of("interface"));

    private static final Set<String> FIREWALL_INTERFACE_REFS = Set.of("in-interface", "out-interface");

    private static final Map<String, Integer> DEFAULT_SERVICES = new LinkedHashMap<>();

    static {
        DEFAULT_SERVICES.put("telnet", 23);
        DEFAULT_SERVICES.put("ftp", 21);
        DEFAULT_SERVICES.put("www", 80);
        DEFAULT_SERVICES.put("ssh", 22);
        DEFAULT_SERVICES.put("www-ssl", 443);
        DEFAULT_SERVICES.put("api", 8728);
        DEFAULT_SERVICES.put("winbox", 8291);
        DEFAULT_SERVICES.put("api-ssl", 8729);
    }

    /** A reference to an interface: bound to its item when one existed, else the literal name. */
    private record IfaceRef(Item target, String literal, boolean negated) {
        String render() {
            return (negated ? "!" : "") + (target != null ? target.str("name") : literal);
        }
    }

    /** An item while the script is replayed. Property values are Strings or IfaceRefs. */
    private static final class Item {
        final String menu;
        Location location;
        final boolean implicit;
        final LinkedHashMap<String, Object> props = new LinkedHashMap<>();

        Item(String menu, Location location, boolean implicit) {
            this.menu = menu;
            this.location = location;
            this.implicit = implicit;
        }

        String str(String key) {
            Object v = props.get(key);
            return v == null ? null : v instanceof IfaceRef r ? r.render() : (String) v;
        }

        boolean disabled() {
            return isYes(str("disabled"));
        }
    }

    private final String file;
    private final Map<String, List<Item>> tables = new LinkedHashMap<>();
    /** Changes whose selection found nothing the script created, in script order. */
    private final List<UnmatchedChange> unmatched = new ArrayList<>();
    private final Map<String, Item> interfacesByName = new HashMap<>();
    private final Map<String, Integer> autoNames = new HashMap<>();
    /**
     * Property names per menu, resolved once: an address list of 50,000 entries repeats the same three
     * names, and resolving an abbreviation scans every firewall property.
     */
    private final Map<String, Map<String, String>> canonicalNames = new HashMap<>();
    private final Map<String, Map<String, Boolean>> interfaceRefs = new HashMap<>();

    private ConfigBuilder(String file) {
        this.file = file;
        List<Item> services = table("/ip service");
        DEFAULT_SERVICES.forEach((name, port) -> {
            Item s = new Item("/ip service", null, true);
            s.props.put("name", name);
            s.props.put("port", String.valueOf(port));
            services.add(s);
        });
    }

    public static RouterConfig build(ParsedScript script) {
        ConfigBuilder b = new ConfigBuilder(script.file());
        for (Command c : script.commands()) {
            if (!c.conditional() && !c.script()) {
                b.apply(c);
            }
        }
        return b.result(script);
    }

    /**
     * {@code base}, built from {@code script}, with {@code extra} run after it, built cheaply when
     * {@code extra} only touches firewall tables (as natlint's fixes do): a firewall table depends on
     * its own commands and on interface names only, so just those are replayed and the rebuilt tables
     * replace the old ones. Empty when {@code extra} does anything else, or when the replay shows a
     * side effect on interfaces; callers then build the whole script.
     */
    public static Optional<RouterConfig> extendFirewall(RouterConfig base, ParsedScript script, ParsedScript extra) {
        Set<List<String>> touched = new HashSet<>();
        for (Command c : extra.commands()) {
            if (c.conditional() || c.script()) {
                continue;
            }
            if (Table.forPath(c.path()) == null) {
                return Optional.empty();
            }
            touched.add(c.path());
        }
        List<Command> replay = new ArrayList<>();
        for (Command c : script.commands()) {
            List<String> path = c.path();
            if (!path.isEmpty() && path.get(0).equals("interface") || touched.contains(path)) {
                replay.add(c);
            }
        }
        replay.addAll(extra.commands());
        RouterConfig part = build(new ParsedScript(script.file(), replay, List.of(), Map.of(), script.routerOsVersion()));
        // the replay lacks ports that only other menus name; a name the full build lacks means the
        // fix itself created something, which only a full build gets right
        Set<String> interfaces = base.interfaces().stream().map(Interface::name).collect(Collectors.toSet());
        Set<String> lists = base.interfaceLists().stream().map(InterfaceList::name).collect(Collectors.toSet());
        if (!part.interfaces().stream().map(Interface::name).allMatch(interfaces::contains)
                || !part.interfaceLists().stream().map(InterfaceList::name).allMatch(lists::contains)) {
            return Optional.empty();
        }
        Map<Table, List<FirewallRule>> firewall = new HashMap<>(base.firewall());
        Map<String, List<ConfigItem>> items = new HashMap<>(base.items());
        for (List<String> path : touched) {
            Table t = Table.forPath(path);
            String menu = "/" + String.join(" ", path);
            // absent stays absent, so the result equals a full build's
            if (part.firewall().containsKey(t)) {
                firewall.put(t, part.rules(t));
            } else {
                firewall.remove(t);
            }
            if (part.items().containsKey(menu)) {
                items.put(menu, part.items(menu));
            } else {
                items.remove(menu);
            }
        }
        // the replay saw the touched menus' commands and the interface menus' again: theirs replace the base's
        Set<String> replayed = new HashSet<>();
        touched.forEach(p -> replayed.add("/" + String.join(" ", p)));
        List<UnmatchedChange> unmatched = new ArrayList<>();
        for (UnmatchedChange u : base.unmatchedChanges()) {
            if (!replayed.contains(u.menu()) && !u.menu().startsWith("/interface")) {
                unmatched.add(u);
            }
        }
        for (UnmatchedChange u : part.unmatchedChanges()) {
            if (replayed.contains(u.menu()) || u.menu().startsWith("/interface")) {
                unmatched.add(u);
            }
        }
        unmatched.sort(java.util.Comparator.comparingInt((UnmatchedChange u) -> u.location().line())
                .thenComparingInt(u -> u.location().column()));
        return Optional.of(new RouterConfig(base.file(), base.routerOsVersion(), base.interfaces(), base.bridgePorts(),
                base.interfaceLists(), base.interfaceListMembers(), base.addresses(), base.routes(), base.dhcpClients(),
                base.addressListEntries(), firewall, base.services(), base.dnsStatic(), base.dnsAllowRemoteRequests(),
                items, unmatched));
    }

    // ---- replay ---------------------------------------------------------------------------------

    private void apply(Command c) {
        String menu = c.menu();
        switch (c.verb()) {
            case "add" -> add(c, menu);
            case "set" -> selected(c, menu, true).forEach(item -> {
                located(item, c);
                setProperties(item, c);
            });
            // removing an item the script never made leaves the script's view as it is: no note
            case "remove" -> select(c, menu, false).forEach(item -> remove(menu, item));
            case "disable" -> selected(c, menu, false).forEach(item -> located(item, c).props.put("disabled", "yes"));
            case "enable" -> selected(c, menu, false).forEach(item -> located(item, c).props.put("disabled", "no"));
            case "move" -> move(c, menu);
            default -> { } // print, export and other read-only or run-time commands change nothing
        }
    }

    /**
     * An item the router has before the script (a factory port, a default service) is located at the
     * first command that configures it.
     */
    private static Item located(Item item, Command c) {
        if (item.location == null) {
            item.location = c.location();
        }
        return item;
    }

    private List<Item> table(String menu) {
        return tables.computeIfAbsent(menu, k -> new ArrayList<>());
    }

    private void add(Command c, String menu) {
        Item item = new Item(menu, c.location(), false);
        Integer before = null;
        for (Arg arg : c.args()) {
            if (arg instanceof Arg.Property p && canonical(menu, p.name()).equals("place-before")) {
                before = position(menu, p.value(), c.location()).orElse(null);
            } else if (arg instanceof Arg.Positional flag) {
                String word = flag.value().text();
                if (word.startsWith("!")) {
                    item.props.remove(word.substring(1));
                } else {
                    item.props.put(word, "yes"); // v7 bare flags such as "blackhole" or "fib"
                }
            }
        }
        setProperties(item, c);
        String ifType = interfaceMenu(menu);
        if (ifType != null && item.str("name") == null) {
            item.props.put("name", autoName(ifType));
        }
        List<Item> t = table(menu);
        if (before != null && before <= t.size()) {
            t.add(before, item);
        } else {
            t.add(item);
        }
        if (ifType != null) {
            interfacesByName.put(item.str("name"), item);
        }
    }

    /** RouterOS names unnamed interfaces bridge1, vlan1, pppoe-out1 ... */
    private String autoName(String ifType) {
        String base = switch (ifType) {
            case "pppoe-client" -> "pppoe-out";
            case "l2tp-client" -> "l2tp-out";
            case "sstp-client" -> "sstp-out";
            case "ovpn-client" -> "ovpn-out";
            case "pptp-client" -> "pptp-out";
            default -> ifType;
        };
        for (int n = autoNames.merge(base, 1, Integer::sum); ; n = autoNames.merge(base, 1, Integer::sum)) {
            if (!interfacesByName.containsKey(base + n)) {
                return base + n;
            }
        }
    }

    private void setProperties(Item item, Command c) {
        if (c.verb().equals("set")) {
            // "set 3 !in-interface-list" unsets a property
            for (Arg a : c.positionals()) {
                if (a instanceof Arg.Positional p && p.value().text().startsWith("!") && p.value().text().length() > 1) {
                    item.props.remove(canonical(item.menu, p.value().text().substring(1)));
                }
            }
        }
        for (Arg.Property p : c.properties()) {
            String name = canonical(item.menu, p.name());
            if (name.equals("place-before") || name.equals("numbers")) {
                continue;
            }
            if (name.startsWith("!")) {
                item.props.remove(name.substring(1));
                continue;
            }
            Value v = p.value();
            String text = v.text();
            if (name.equals("name") && interfaceMenu(item.menu) != null) {
                String old = item.str("name");
                if (old != null && interfacesByName.get(old) == item) {
                    interfacesByName.remove(old);
                }
                interfacesByName.put(text, item);
                item.props.put(name, text);
            } else if (isInterfaceRef(item.menu, name) && v.isLiteral()) {
                item.props.put(name, reference(text));
            } else {
                item.props.put(name, text);
            }
        }
    }

    private IfaceRef reference(String written) {
        boolean negated = written.startsWith("!");
        String name = negated ? written.substring(1) : written;
        Item target = interfacesByName.get(name);
        if (target == null && InterfaceType.forImplicitName(name) != null) {
            target = implicitPort(name, null);
        }
        return new IfaceRef(target, name, negated);
    }

    /** A factory port the script refers to without declaring it. */
    private Item implicitPort(String defaultName, Location at) {
        InterfaceType type = InterfaceType.forImplicitName(defaultName);
        String menu = "/interface " + (type == InterfaceType.WIRELESS ? "wireless" : type == InterfaceType.LTE ? "lte"
                : type == InterfaceType.LOOPBACK ? "loopback" : "ethernet");
        Item item = new Item(menu, at, true);
        item.props.put("default-name", defaultName);
        item.props.put("name", defaultName);
        table(menu).add(item);
        interfacesByName.putIfAbsent(defaultName, item);
        return item;
    }

    private void remove(String menu, Item item) {
        table(menu).remove(item);
        String name = item.str("name");
        if (name != null && interfacesByName.get(name) == item) {
            interfacesByName.remove(name);
        }
    }

    /**
     * {@code move <items> [destination=]<item>}: the moved items go before the destination item, or
     * to the end without one.
     */
    private void move(Command c, String menu) {
        List<Arg> positionals = new ArrayList<>(c.positionals());
        Optional<Arg.Property> numbers = c.property("numbers");
        Arg which = numbers.<Arg>map(p -> new Arg.Positional(p.value(), p.location()))
                .orElseGet(() -> positionals.isEmpty() ? null : positionals.remove(0));
        if (which == null) {
            return;
        }
        List<Item> t = table(menu);
        List<Item> moving = resolve(menu, List.of(which), false, c.location());
        Optional<Arg.Property> destProp = c.property("destination");
        Item dest = null;
        if (destProp.isPresent()) {
            dest = position(menu, destProp.get().value(), c.location()).filter(i -> i < t.size()).map(t::get).orElse(null);
        } else if (!positionals.isEmpty()) {
            List<Item> d = resolve(menu, List.of(positionals.get(0)), false, c.location());
            dest = d.isEmpty() ? null : d.get(0);
        }
        t.removeAll(moving);
        int at = dest == null || !t.contains(dest) ? t.size() : t.indexOf(dest);
        t.addAll(at, moving);
    }

    /** {@link #select}, remembering a selection by {@code [find ...]} or name that found nothing. */
    private List<Item> selected(Command c, String menu, boolean createSingleton) {
        List<Item> found = select(c, menu, createSingleton);
        boolean addressed = !c.positionals().isEmpty() || c.property("numbers").isPresent();
        if (found.isEmpty() && addressed && c.location() != null) {
            unmatched.add(new UnmatchedChange(menu, c.verb(), c.location()));
        }
        return found;
    }

    /** The items a command addresses: by selector, number, name, or the menu's only item. */
    private List<Item> select(Command c, String menu, boolean createSingleton) {
        List<Arg> selectors = new ArrayList<>(c.positionals());
        c.property("numbers").ifPresent(p -> selectors.add(new Arg.Positional(p.value(), p.location())));
        if (selectors.isEmpty()) {
            List<Item> t = table(menu);
            // "set" without a number addresses a singleton menu (/ip dns); in a table of interfaces
            // the router refuses it, and an item without a name would be an interface without one
            if (t.isEmpty() && createSingleton && interfaceMenu(menu) == null) {
                t.add(new Item(menu, c.location(), true));
            }
            return t.isEmpty() ? List.of() : List.of(t.get(0));
        }
        List<Item> found = resolve(menu, selectors, true, c.location());
        return found;
    }

    /** {@code at} is where the addressing command starts: a factory port it first names is located there. */
    private List<Item> resolve(String menu, List<Arg> selectors, boolean mayCreatePort, Location at) {
        List<Item> scope = menu.equals("/interface") ? allInterfaces() : table(menu);
        List<Item> result = new ArrayList<>();
        for (Arg sel : selectors) {
            if (sel instanceof Arg.Selector s) {
                List<Item> matches = scope.stream().filter(i -> matches(i, s.conditions())).toList();
                if (matches.isEmpty() && mayCreatePort && isPhysicalMenu(menu)) {
                    defaultNameCondition(s).filter(n -> InterfaceType.forImplicitName(n) != null)
                            .ifPresent(n -> result.add(implicitPort(n, at)));
                }
                result.addAll(matches);
            } else if (sel instanceof Arg.Positional p && !p.value().text().startsWith("!")) {
                for (String token : p.value().text().split(",")) {
                    byToken(menu, scope, token, mayCreatePort, at).ifPresent(result::add);
                }
            }
        }
        return result.stream().distinct().toList();
    }

    private Optional<Item> byToken(String menu, List<Item> scope, String token, boolean mayCreatePort, Location at) {
        if (token.matches("\\d+")) {
            // a number too large for any table selects nothing (the parser reports it)
            int n = NumberBounds.parse(token, Integer.MAX_VALUE);
            return n >= 0 && n < scope.size() ? Optional.of(scope.get(n)) : Optional.empty();
        }
        Optional<Item> named = scope.stream().filter(i -> token.equals(i.str("name"))).findFirst();
        if (named.isEmpty() && mayCreatePort && isPhysicalMenu(menu) && InterfaceType.forImplicitName(token) != null
                && !interfacesByName.containsKey(token)) {
            return Optional.of(implicitPort(token, at));
        }
        return named;
    }

    private static Optional<String> defaultNameCondition(Arg.Selector s) {
        return s.conditions().stream().filter(c -> c.op().equals("=") && c.name().equals("default-name"))
                .map(Arg.Condition::value).findFirst();
    }

    private boolean matches(Item item, List<Arg.Condition> conditions) {
        boolean firewall = Table.forPath(List.of(item.menu.substring(1).split(" "))) != null;
        return Find.matches(conditions, name -> {
            String v = item.str(canonical(item.menu, name));
            // a firewall rule added without action= has the default one, and find sees it
            return v == null && firewall && name.equals("action") ? "accept" : v;
        });
    }

    /**
     * Resolves a {@code place-before}/{@code destination} value to a list index: a print number, or a
     * {@code [find ...]} selection, whose first item is the place (as on the router). A selection of
     * nothing, or a value natlint cannot evaluate, gives no place: the item goes to the end.
     */
    private Optional<Integer> position(String menu, Value value, Location at) {
        if (value.kind() == Value.Kind.SUBSTITUTION) {
            Arg.Selector sel = RouterOsReader.selector(value.raw(), at).orElse(null);
            if (sel == null) {
                return Optional.empty();
            }
            List<Item> t = table(menu);
            for (int i = 0; i < t.size(); i++) {
                if (matches(t.get(i), sel.conditions())) {
                    return Optional.of(i);
                }
            }
            return Optional.empty();
        }
        int n = NumberBounds.parse(value.text(), Integer.MAX_VALUE);
        return n >= 0 ? Optional.of(n) : Optional.empty();
    }

    private List<Item> allInterfaces() {
        List<Item> all = new ArrayList<>();
        tables.forEach((menu, items) -> {
            if (interfaceMenu(menu) != null) {
                all.addAll(items);
            }
        });
        return all;
    }

    /** The interface type word of an interface menu ({@code vlan} for {@code /interface vlan}), else null. */
    private static String interfaceMenu(String menu) {
        if (!menu.startsWith("/interface ")) {
            return null;
        }
        String rest = menu.substring("/interface ".length());
        return !rest.contains(" ") && InterfaceType.forMenu(rest) != null ? rest : null;
    }

    private static boolean isPhysicalMenu(String menu) {
        String type = interfaceMenu(menu);
        return menu.equals("/interface") || (type != null && PHYSICAL_MENUS.contains(type));
    }

    private boolean isInterfaceRef(String menu, String property) {
        return interfaceRefs.computeIfAbsent(menu, m -> new HashMap<>())
                .computeIfAbsent(property, p -> interfaceRefUncached(menu, p));
    }

    private static boolean interfaceRefUncached(String menu, String property) {
        if (Table.forPath(List.of(menu.substring(1).split(" "))) != null) {
            return FIREWALL_INTERFACE_REFS.contains(property);
        }
        return INTERFACE_REFS.getOrDefault(menu, Set.of()).contains(property);
    }

    private String canonical(String menu, String property) {
        return canonicalNames.computeIfAbsent(menu, m -> new HashMap<>())
                .computeIfAbsent(property, p -> canonicalUncached(menu, p));
    }

    private static String canonicalUncached(String menu, String property) {
        if (menu.startsWith("/ip firewall ") || menu.startsWith("/ipv6 firewall ")) {
            String bare = property.startsWith("!") ? property.substring(1) : property;
            Optional<String> full = FirewallProperties.canonical(bare);
            if (full.isPresent()) {
                return property.startsWith("!") ? "!" + full.get() : full.get();
            }
        }
        return property;
    }

    static boolean isYes(String v) {
        return "yes".equals(v) || "true".equals(v);
    }

    // ---- typed model ----------------------------------------------------------------------------

    private RouterConfig result(ParsedScript script) {
        Map<String, List<ReplayedItem>> snapshot = new LinkedHashMap<>();
        tables.forEach((menu, items) -> snapshot.put(menu, items.stream().map(i -> {
            Map<String, String> props = new LinkedHashMap<>();
            i.props.keySet().forEach(k -> props.put(k, i.str(k)));
            return new ReplayedItem(menu, props, i.implicit, i.location);
        }).toList()));
        return ModelExtraction.extract(file, script.routerOsVersion(), snapshot, unmatched);
    }
}
