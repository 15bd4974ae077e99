package dev.natlint.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP protocol names RouterOS accepts in {@code protocol=}, with their numbers (one table for every stage). */
public final class Protocols {

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ggp", 3), Map.entry("ip-encap", 4),
            Map.entry("st", 5), Map.entry("tcp", 6), Map.entry("egp", 8), Map.entry("pup", 12), Map.entry("udp", 17),
            Map.entry("hmp", 20), Map.entry("xns-idp", 22), Map.entry("rdp", 27), Map.entry("iso-tp4", 29),
            Map.entry("dccp", 33), Map.entry("xtp", 36), Map.entry("ddp", 37), Map.entry("idpr-cmtp", 38),
            Map.entry("ipv6-encap", 41), Map.entry("ipv6-route", 43), Map.entry("ipv6-frag", 44),
            Map.entry("idrp", 45), Map.entry("rsvp", 46), Map.entry("gre", 47), Map.entry("ipsec-esp", 50),
            Map.entry("ipsec-ah", 51), Map.entry("icmpv6", 58), Map.entry("ipv6-nonxt", 59),
            Map.entry("ipv6-opts", 60), Map.entry("rspf", 73), Map.entry("vmtp", 81), Map.entry("ospf", 89),
            Map.entry("ipip", 94), Map.entry("etherip", 97), Map.entry("encap", 98), Map.entry("pim", 103),
            Map.entry("vrrp", 112), Map.entry("l2tp", 115), Map.entry("sctp", 132), Map.entry("udp-lite", 136));

    /** By number, the alphabetically first name (every step table names its protocol, so this is looked up often). */
    private static final String[] NAMES = new String[256];

    static {
        NUMBERS.forEach((name, n) -> {
            if (NAMES[n] == null || name.compareTo(NAMES[n]) < 0) {
                NAMES[n] = name;
            }
        });
    }

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}");

    private Protocols() {
    }

    /** The protocol number of a name or a decimal number up to 255; empty when RouterOS would not accept it. */
    public static Optional<Integer> number(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (DECIMAL.matcher(v).matches() && Integer.parseInt(v) <= 255) {
            return Optional.of(Integer.parseInt(v));
        }
        return Optional.ofNullable(NUMBERS.get(v));
    }

    /** The name RouterOS prints for a protocol number, if it has one. */
    public static Optional<String> name(int number) {
        return number >= 0 && number < NAMES.length ? Optional.ofNullable(NAMES[number]) : Optional.empty();
    }
}
