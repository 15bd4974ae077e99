package dev.natlint.model;

import dev.natlint.parse.Arg;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How RouterOS evaluates the conditions of {@code [find where ...]} against one item. The replay of a
 * script and natlint's fixes use this one definition, so a fix that selects a rule by its properties
 * selects, in the model, exactly the rules the router would.
 */
public final class Find {

    private Find() {
    }

    /**
     * Whether an item matches every condition (they are joined by {@code and}).
     *
     * @param property the item's value of a property by full name, null when the item does not have it
     */
    public static boolean matches(List<Arg.Condition> conditions, Function<String, String> property) {
        for (Arg.Condition c : conditions) {
            if (!matches(c, property.apply(c.name()), c.name())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Arg.Condition c, String actual, String name) {
        if (actual == null && DEFAULT_NO.contains(name)) {
            actual = "no"; // items a script adds are enabled and static unless it says otherwise
        }
        return switch (c.op()) {
            case "=" -> c.value().equals(actual) || (isYes(c.value()) && isYes(actual))
                    || (isNo(c.value()) && isNo(actual));
            case "!=" -> !(c.value().equals(actual) || (isYes(c.value()) && isYes(actual))
                    || (isNo(c.value()) && isNo(actual)));
            case "~" -> actual != null && regexFind(c.value(), actual);
            case "flag" -> isYes(actual);
            case "!flag" -> !isYes(actual);
            default -> false; // a condition natlint cannot evaluate selects nothing rather than a guess
        };
    }

    /** Yes/no properties an item has as "no" when nothing set them. */
    private static final java.util.Set<String> DEFAULT_NO = java.util.Set.of("disabled", "dynamic", "invalid");

    static boolean isYes(String v) {
        return "yes".equals(v) || "true".equals(v);
    }

    private static boolean isNo(String v) {
        return "no".equals(v) || "false".equals(v);
    }

    private static boolean regexFind(String regex, String text) {
        try {
            return Pattern.compile(regex).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        } catch (StackOverflowError e) {
            // java.util.regex recurses once per repetition: "(a|b)*" over a comment of a few thousand
            // characters overflows the stack. Such a condition matches nothing, like an invalid pattern.
            return false;
        }
    }

    /** A firewall rule's property by full name, as {@code find} sees it. */
    public static String property(FirewallRule r, String name) {
        return switch (name) {
            case "chain" -> r.chain();
            case "action" -> r.action();
            case "comment" -> r.comment();
            case "disabled" -> r.disabled() ? "yes" : "no";
            default -> r.properties().get(name);
        };
    }

    /** The rules of {@code rules} that a selector with {@code conditions} selects, in order. */
    public static List<FirewallRule> select(List<FirewallRule> rules, List<Arg.Condition> conditions) {
        return rules.stream().filter(r -> matches(conditions, n -> property(r, n))).toList();
    }

    /**
     * The rules of one table, ready for many selections: for each property a condition names, the rules
     * are grouped by their value as {@code =} compares it (yes and true alike, no and false alike, a
     * missing {@code disabled} as no), so a selection only looks at the rules sharing the value of its
     * rarest condition, and a selection asked again is answered from memory. A fix selects each rule it
     * changes, so without this a file of many similar rules cost the square of their number.
     */
    public static final class Index {

        private static final String YES = "\u0000yes";
        private static final String NO = "\u0000no";

        private final List<FirewallRule> rules;
        private final java.util.Map<String, java.util.Map<String, List<FirewallRule>>> byProperty = new java.util.HashMap<>();
        private final java.util.Map<List<Arg.Condition>, List<FirewallRule>> selections = new java.util.HashMap<>();

        public Index(List<FirewallRule> rules) {
            this.rules = List.copyOf(rules);
        }

        /** The same rules, in the same order, as {@link Find#select(List, List)} over this index's rules. */
        public synchronized List<FirewallRule> select(List<Arg.Condition> conditions) {
            List<Arg.Condition> key = List.copyOf(conditions);
            List<FirewallRule> known = selections.get(key);
            if (known != null) {
                return known;
            }
            // every rule a condition "=" selects is among those with its value's group: filter the smallest
            List<FirewallRule> candidates = rules;
            for (Arg.Condition c : key) {
                if (c.op().equals("=") && c.value() != null) {
                    List<FirewallRule> group = groups(c.name()).getOrDefault(group(c.value()), List.of());
                    if (group.size() < candidates.size()) {
                        candidates = group;
                    }
                }
            }
            List<FirewallRule> out = Find.select(candidates, key);
            selections.put(key, out);
            return out;
        }

        private java.util.Map<String, List<FirewallRule>> groups(String property) {
            return byProperty.computeIfAbsent(property, name -> {
                java.util.Map<String, List<FirewallRule>> g = new java.util.HashMap<>();
                for (FirewallRule r : rules) {
                    String actual = property(r, name);
                    if (actual == null && DEFAULT_NO.contains(name)) {
                        actual = "no";
                    }
                    if (actual != null) {
                        g.computeIfAbsent(group(actual), v -> new java.util.ArrayList<>()).add(r);
                    }
                }
                return g;
            });
        }

        private static String group(String value) {
            return isYes(value) ? YES : isNo(value) ? NO : value;
        }
    }
}
