package dev.natlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * String literal decoding, one escape at a time (reference section 1.4). Inputs are written as Java
 * literals of the raw file text, quotes included, so {@code "\"\\n\""} is the three file characters
 * {@code "\n"} in quotes.
 */
class EscapesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // documented single-character escapes
        "\"a\\\"b\"      | a\"b",
        "\"a\\\\b\"      | a\\b",
        "\"\\$x\"        | $x",
        "\"why\\?\"      | why?",
        "\"a\\_b\"       | a b",
        // an unknown escape stands for the character itself
        "\"\\q\"         | q",
        // the empty string
        "\"\"            | ''",
    })
    void printableEscapes(String raw, String decoded) {
        assertThat(Escapes.decodeQuoted(raw)).isEqualTo(decoded);
    }

    @Test
    void controlCharacterEscapes() {
        assertThat(Escapes.decodeQuoted("\"\\n\\r\\t\"")).isEqualTo("\n\r\t");
        assertThat(Escapes.decodeQuoted("\"\\a\\b\\f\\v\"")).isEqualTo("\u0007\b\f\u000B");
    }

    @Test
    void hexBytesAreCollectedAndDecodedAsUtf8() {
        // en dash U+2013 is E2 80 93 in UTF-8; "Café" is Caf C3 A9 (reference 1.4)
        assertThat(Escapes.decodeQuoted("\"NAS \\E2\\80\\93 HTTPS\"")).isEqualTo("NAS \u2013 HTTPS");
        assertThat(Escapes.decodeQuoted("\"Caf\\C3\\A9\"")).isEqualTo("Caf\u00e9");
        // plain ASCII hex escapes
        assertThat(Escapes.decodeQuoted("\"\\41\\42\"")).isEqualTo("AB");
    }

    @Test
    void invalidUtf8FallsBackToOneCharPerByte() {
        // single-byte Windows-1251 text seen in real exports: not UTF-8, kept byte for byte
        String decoded = Escapes.decodeQuoted("\"\\D0\\E0\\E7\"");
        assertThat(decoded).isEqualTo("\u00D0\u00E0\u00E7");
        // a lone lead byte of a multi-byte sequence is not valid UTF-8 either
        assertThat(Escapes.decodeQuoted("\"\\C3\"")).isEqualTo("\u00C3");
    }

    @Test
    void simpleEscapeLettersWinOverHexDigits() {
        // "\af" is BEL then 'f', not byte 0xAF: RouterOS writes byte escapes in upper case
        assertThat(Escapes.decodeQuoted("\"\\af\"")).isEqualTo("\u0007f");
        // "\4G" has only one hex digit: the escape stands for '4'
        assertThat(Escapes.decodeQuoted("\"\\4G\"")).isEqualTo("4G");
    }

    @Test
    void lowerCaseHexIsDecodedToo() {
        // what RouterOS does with lower-case hex is unconfirmed; natlint decodes it rather than hide the rest
        assertThat(Escapes.decodeQuoted("\"\\e2\\80\\93\"")).isEqualTo("\u2013");
    }

    @Test
    void continuationInsideStringDropsLineBreakAndIndentation() {
        assertThat(Escapes.decodeQuoted("\"pas\\\n    sword\"")).isEqualTo("password");
        assertThat(Escapes.decodeQuoted("\"pas\\\r\n\t\tsword\"")).isEqualTo("password");
        // a continuation in the middle of a run of byte escapes still joins the bytes into one character
        assertThat(Escapes.decodeQuoted("\"\\E2\\80\\\n    \\93\"")).isEqualTo("\u2013");
        // "\r\" then a line break: an escaped CR followed by a continuation (script sources in exports)
        assertThat(Escapes.decodeQuoted("\":put 1\\r\\\n    \\n:put 2\"")).isEqualTo(":put 1\r\n:put 2");
        // an even run of backslashes before the line break is escaped backslashes, not a continuation
        assertThat(Escapes.decodeQuoted("\"a\\\\\\\n    b\"")).isEqualTo("a\\b");
    }

    @Test
    void unterminatedStringsDecodeWhatIsThere() {
        assertThat(Escapes.decodeQuoted("\"abc")).isEqualTo("abc");
        // the final quote is escaped, so it is text, not the end
        assertThat(Escapes.decodeQuoted("\"ab\\\"")).isEqualTo("ab\"");
    }

    @Test
    void rawNonAsciiCharactersSurvive() {
        assertThat(Escapes.decodeQuoted("\"Caf\u00e9 \u2013 \uD83D\uDE00\"")).isEqualTo("Caf\u00e9 \u2013 \uD83D\uDE00");
    }

    @Test
    void joinContinuationsInUnquotedText() {
        assertThat(Escapes.joinContinuations("192.168.\\\n    88.0")).isEqualTo("192.168.88.0");
        assertThat(Escapes.joinContinuations("a\\\r\n\tb")).isEqualTo("ab");
        // a backslash that is not followed by a line break stays
        assertThat(Escapes.joinContinuations("a\\x")).isEqualTo("a\\x");
        assertThat(Escapes.joinContinuations("plain")).isEqualTo("plain");
    }
}
