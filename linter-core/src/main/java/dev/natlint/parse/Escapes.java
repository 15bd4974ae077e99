package dev.natlint.parse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes RouterOS string literals. The console is 7-bit, so non-ASCII text arrives as {@code \XX}
 * byte escapes; the bytes are collected first and decoded as UTF-8 at the end, falling back to
 * ISO-8859-1 (lossless) for legacy single-byte text such as Windows-1251 comments.
 */
final class Escapes {

    private Escapes() {
    }

    /**
     * Decodes a quoted token ({@code "..."}, quotes included). Byte escapes in lower case are decoded
     * too: what RouterOS does with them is unknown, and refusing them would only hide the rest.
     */
    static String decodeQuoted(String raw) {
        int end = raw.length() > 1 && raw.endsWith("\"") && !endsEscaped(raw) ? raw.length() - 1 : raw.length();
        if (plainAscii(raw, 1, end)) {
            return raw.substring(1, end); // most strings (comments, names) have nothing to decode
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 1;
        while (i < end) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                i = appendChar(raw, i, bytes);
                continue;
            }
            char e = raw.charAt(i + 1);
            if (e == '\r' || e == '\n') {
                i = skipLineBreakAndIndent(raw, i + 1);
                continue;
            }
            // \a \b \f are escapes even when a hex digit follows: RouterOS writes byte escapes in upper case
            if (!isSimpleEscape(e) && i + 2 < end && isHex(e) && isHex(raw.charAt(i + 2))) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            if (isSimpleEscape(e)) {
                bytes.write(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case '_' -> ' ';
                    case 'a' -> 0x07;
                    case 'b' -> 0x08;
                    case 'f' -> 0x0C;
                    default -> 0x0B; // 'v'
                });
                i += 2;
            } else {
                // \" \\ \$ \? and any unknown escape stand for the character itself
                i = appendChar(raw, i + 1, bytes);
            }
        }
        return decodeBytes(bytes.toByteArray());
    }

    /** Removes continuation sequences from an unquoted word or value. */
    private static boolean plainAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static String joinContinuations(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\\') {
                int j = i + 1;
                while (j < raw.length() && (raw.charAt(j) == ' ' || raw.charAt(j) == '\t')) {
                    j++;
                }
                if (j < raw.length() && (raw.charAt(j) == '\r' || raw.charAt(j) == '\n')) {
                    i = skipLineBreakAndIndent(raw, j);
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    static Optional<String> strictUtf8(byte[] data) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static String decodeBytes(byte[] data) {
        return strictUtf8(data).orElseGet(() -> new String(data, StandardCharsets.ISO_8859_1));
    }

    private static boolean isSimpleEscape(char e) {
        return "nrt_abfv".indexOf(e) >= 0;
    }

    private static boolean endsEscaped(String raw) {
        int n = 0;
        for (int k = raw.length() - 2; k >= 0 && raw.charAt(k) == '\\'; k--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static int skipLineBreakAndIndent(String s, int i) {
        if (s.charAt(i) == '\r') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '\n') {
            i++;
        }
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Appends the (possibly non-ASCII) character at {@code i} as UTF-8 and returns the next index. */
    private static int appendChar(String s, int i, ByteArrayOutputStream out) {
        int cp = s.codePointAt(i);
        if (cp < 0x80) {
            out.write(cp);
        } else {
            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        }
        return i + Character.charCount(cp);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

}
