package dev.natlint.report;

import dev.natlint.diag.Assumption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON writer for natlint's reports: objects keep insertion order and output is pretty-printed
 * the same way every time (two-space indent, {@code "key": value}, trailing newline), so identical
 * input gives byte-identical files.
 *
 * <p>Values may be {@link Obj}, {@link List}, {@link CharSequence}, {@link Boolean}, integral numbers,
 * finite floating-point numbers, {@link Enum} (written as its name) and {@code null}. Anything else
 * is refused rather than written through {@code toString()}, which could carry an identity hash
 * and break determinism. Unordered collections are refused for the same reason.
 */
public final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** An ordered JSON object under construction. Putting an existing key replaces its value in place. */
    public static final class Obj {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        public Obj put(String key, Object value) {
            if (key == null) {
                throw new IllegalArgumentException("JSON keys cannot be null");
            }
            fields.put(key, value);
            return this;
        }

        /** Puts the pair only when {@code value} is not null, for optional members that must be absent rather than null. */
        public Obj putIfNotNull(String key, Object value) {
            return value == null ? this : put(key, value);
        }
    }

    public static Obj obj() {
        return new Obj();
    }

    public static List<Object> arr(List<?> items) {
        return new ArrayList<>(items);
    }

    /** Assumptions as {@code [{"line","reason","certainty"}]}, the one form every report uses. */
    public static List<Object> assumptions(List<Assumption> assumptions) {
        List<Object> out = new ArrayList<>(assumptions.size());
        for (Assumption a : assumptions) {
            out.add(obj().put("line", a.line()).put("reason", a.reason()).put("certainty", a.certainty().id()));
        }
        return out;
    }

    /** Serialises {@code value} with a trailing newline. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        try {
            write(value, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder never throws
        }
        return sb.toString();
    }

    /** Serialises {@code value} with a trailing newline onto {@code out}. */
    public static void write(Object value, Appendable out) throws IOException {
        value(out, value, 0);
        out.append('\n');
    }

    private static void value(Appendable out, Object v, int indent) throws IOException {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Obj o) {
            object(out, o, indent);
        } else if (v instanceof List<?> l) {
            array(out, l, indent);
        } else if (v instanceof CharSequence s) {
            string(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b.toString());
        } else if (v instanceof Number n) {
            number(out, n);
        } else if (v instanceof Enum<?> e) {
            string(out, e.name());
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

    private static void object(Appendable out, Obj o, int indent) throws IOException {
        if (o.fields.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : o.fields.entrySet()) {
            pad(out, indent + 1);
            string(out, e.getKey());
            out.append(": ");
            value(out, e.getValue(), indent + 1);
            out.append(++i < o.fields.size() ? ",\n" : "\n");
        }
        pad(out, indent);
        out.append('}');
    }

    private static void array(Appendable out, List<?> l, int indent) throws IOException {
        if (l.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int i = 0; i < l.size(); i++) {
            pad(out, indent + 1);
            value(out, l.get(i), indent + 1);
            out.append(i + 1 < l.size() ? ",\n" : "\n");
        }
        pad(out, indent);
        out.append(']');
    }

    private static void number(Appendable out, Number n) throws IOException {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof BigDecimal) {
            out.append(n.toString());
        } else if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no representation for " + d);
            }
            // Double.toString is locale-independent and its forms (1.5, 1.0E10) are valid JSON numbers
            out.append(n.toString());
        } else {
            throw new IllegalArgumentException("cannot write a " + n.getClass().getName() + " as JSON");
        }
    }

    private static void pad(Appendable out, int indent) throws IOException {
        for (int i = 0; i < indent; i++) {
            out.append("  ");
        }
    }

    /**
     * A JSON string literal. Quote, backslash and control characters are escaped (the common ones in
     * their short form, the rest as {@code \}{@code u00XX}); everything else, including non-ASCII, is
     * kept as is and becomes UTF-8 when the caller encodes the text. A lone surrogate cannot be encoded
     * as UTF-8, so it is escaped too, which keeps the output valid and lossless.
     */
    static void string(Appendable out, CharSequence s) throws IOException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // hand-rolled rather than String.format, which depends on the default locale
    private static void unicodeEscape(Appendable out, char c) throws IOException {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }

    private static boolean pairedSurrogate(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
