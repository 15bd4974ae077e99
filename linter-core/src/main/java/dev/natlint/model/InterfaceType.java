package dev.natlint.model;

import java.util.Map;

/** Kinds of interfaces the analysis distinguishes; everything else routes like a generic L3 interface. */
public enum InterfaceType {
    ETHERNET, BRIDGE, VLAN, PPPOE_CLIENT, WIRELESS, BONDING, LTE, VRRP, TUNNEL, LOOPBACK, OTHER;

    private static final Map<String, InterfaceType> BY_MENU = Map.ofEntries(
            Map.entry("ethernet", ETHERNET), Map.entry("bridge", BRIDGE), Map.entry("vlan", VLAN),
            Map.entry("pppoe-client", PPPOE_CLIENT), Map.entry("wireless", WIRELESS), Map.entry("wifi", WIRELESS),
            Map.entry("wifiwave2", WIRELESS), Map.entry("w60g", WIRELESS), Map.entry("bonding", BONDING),
            Map.entry("lte", LTE), Map.entry("vrrp", VRRP), Map.entry("wireguard", TUNNEL), Map.entry("eoip", TUNNEL),
            Map.entry("eoipv6", TUNNEL), Map.entry("gre", TUNNEL), Map.entry("gre6", TUNNEL), Map.entry("ipip", TUNNEL),
            Map.entry("ipipv6", TUNNEL), Map.entry("6to4", TUNNEL), Map.entry("ovpn-client", TUNNEL),
            Map.entry("ovpn-server", TUNNEL), Map.entry("l2tp-client", TUNNEL), Map.entry("l2tp-server", TUNNEL),
            Map.entry("sstp-client", TUNNEL), Map.entry("sstp-server", TUNNEL), Map.entry("pptp-client", TUNNEL),
            Map.entry("pptp-server", TUNNEL), Map.entry("pppoe-server", TUNNEL), Map.entry("vxlan", TUNNEL),
            Map.entry("veth", TUNNEL), Map.entry("loopback", LOOPBACK));

    /** The interface type of menu {@code /interface <menu>}, or null when that menu holds no interfaces. */
    public static InterfaceType forMenu(String menu) {
        return BY_MENU.get(menu);
    }

    /** Guesses the type of a physical port that is used but never declared (exports omit defaults). */
    public static InterfaceType forImplicitName(String name) {
        if (name.matches("(ether|sfp|sfp-sfpplus|sfpplus|sfp28-|qsfp|qsfpplus|qsfp28-|combo)\\d.*")) {
            return ETHERNET;
        }
        if (name.matches("(wlan|wifi)\\d+")) {
            return WIRELESS;
        }
        if (name.matches("lte\\d+")) {
            return LTE;
        }
        if (name.equals("lo")) {
            return LOOPBACK;
        }
        return null;
    }
}
