package dev.natlint.model;

/** Writes values the way the RouterOS console reads them back. */
public final class Quoting {

    private Quoting() {
    }

    /** The value as-is when it is a plain word, otherwise a double-quoted string with escapes. */
    public static String quote(String value) {
        if (!value.isEmpty() && value.chars().allMatch(Quoting::plain)) {
            return value;
        }
        return quoteAlways(value);
    }

    /** A double-quoted string with escapes, even for a plain word (find conditions quote such values). */
    public static String quoteAlways(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '$' -> sb.append("\\$");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        sb.append(String.format("\\%02X", c));
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean plain(int c) {
        return c > 0x20 && c < 0x7F && "\"\\$;[]{}()=#'`".indexOf(c) < 0;
    }
}
