package dev.natlint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void prettyPrintsWithTwoSpacesAndATrailingNewline() {
        Json.Obj o = Json.obj().put("b", 1).put("a", List.of("x", true, Json.obj()))
                .put("empty", List.of()).put("none", null).put("nested", Json.obj().put("k", -2L).put("d", 1.5));
        assertThat(Json.write(o)).isEqualTo("""
                {
                  "b": 1,
                  "a": [
                    "x",
                    true,
                    {}
                  ],
                  "empty": [],
                  "none": null,
                  "nested": {
                    "k": -2,
                    "d": 1.5
                  }
                }
                """);
        assertThat(Json.write(null)).isEqualTo("null\n");
        assertThat(Json.write(List.of())).isEqualTo("[]\n");
    }

    @Test
    void keysKeepInsertionOrderAndReplacingKeepsThePlace() {
        Json.Obj o = Json.obj().put("z", 1).put("a", 2).put("m", 3).put("a", 4);
        assertThat(Json.write(o)).isEqualTo("{\n  \"z\": 1,\n  \"a\": 4,\n  \"m\": 3\n}\n");
        assertThat(Json.write(Json.obj().putIfNotNull("a", null).putIfNotNull("b", "x")))
                .isEqualTo("{\n  \"b\": \"x\"\n}\n");
    }

    @Test
    void escapesExactly() {
        assertThat(Json.write("q\" b\\ n\n r\r t\t bs\b ff\f nul\u0000 us\u001f del\u007f"))
                .isEqualTo("\"q\\\" b\\\\ n\\n r\\r t\\t bs\\b ff\\f nul\\u0000 us\\u001f del\\u007f\"\n");
        // non-ASCII stays as is (it becomes UTF-8 when written out), also outside the BMP
        assertThat(Json.write("a\u2013b \u00e9 \ud83d\ude00 / </script>")).isEqualTo("\"a\u2013b \u00e9 \ud83d\ude00 / </script>\"\n");
        // a lone surrogate cannot be encoded as UTF-8, so it is escaped
        assertThat(Json.write("x\ud800y\udc00")).isEqualTo("\"x\\ud800y\\udc00\"\n");
    }

    @Test
    void everyCharacterRoundTripsThroughARealParser() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x800; c++) {
            all.append(c);
        }
        all.append("\u2013\u2028\u2029\ufeff\ud83d\ude00");
        List<String> strings = List.of(all.toString(), Samples.TRICKY, "", "\\\"", "\"\\\\\"", "line1\r\nline2");
        for (String s : strings) {
            JsonNode parsed = MAPPER.readTree(Json.write(Json.obj().put(s, s)));
            assertThat(parsed.fieldNames().next()).isEqualTo(s);
            assertThat(parsed.get(s).asText()).isEqualTo(s);
        }
    }

    @Test
    void numbersAndEnumsAreWrittenAsJson() throws Exception {
        List<Object> values = List.of(0, -7L, (short) 3, (byte) 4, 1.0e21, -0.001, 2.5f,
                new BigDecimal("12.50"), new java.math.BigInteger("123456789012345678901234567890"),
                dev.natlint.diag.Severity.WARNING);
        JsonNode parsed = MAPPER.readTree(Json.write(values));
        assertThat(parsed.get(0).asInt()).isZero();
        assertThat(parsed.get(1).asLong()).isEqualTo(-7L);
        assertThat(parsed.get(4).asDouble()).isEqualTo(1.0e21);
        assertThat(parsed.get(5).asDouble()).isEqualTo(-0.001);
        assertThat(parsed.get(6).asDouble()).isEqualTo(2.5);
        assertThat(parsed.get(7).decimalValue()).isEqualByComparingTo("12.50");
        assertThat(parsed.get(8).bigIntegerValue()).hasToString("123456789012345678901234567890");
        assertThat(parsed.get(9).asText()).isEqualTo("WARNING");
    }

    @Test
    void refusesWhatHasNoDeterministicJsonForm() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Float.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new HashSet<>(List.of(1, 2)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.obj().put(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writingToAnAppendableGivesTheSameText() throws Exception {
        List<Object> deep = new ArrayList<>();
        deep.add(Json.obj().put("s", Samples.TRICKY).put("l", List.of(List.of(1), List.of())));
        StringWriter w = new StringWriter();
        Json.write(deep, w);
        assertThat(w).hasToString(Json.write(deep));
    }
}
