package dev.memberlist.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonTest {

    // Expected strings are what Go 1.19's json.Marshal writes for the same text.
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain|'\"plain\"'",
        "''|'\"\"'",
        "say \"hi\"|'\"say \\\"hi\\\"\"'",
        "back\\slash|'\"back\\\\slash\"'",
        "a/b|'\"a/b\"'",
        "<a href=x>&amp;</a>|'\"\\u003ca href=x\\u003e\\u0026amp;\\u003c/a\\u003e\"'",
        "caf\u00e9 \u65e5\u672c \ud83d\ude00|'\"caf\u00e9 \u65e5\u672c \ud83d\ude00\"'",
        "line\u2028para\u2029|'\"line\\u2028para\\u2029\"'",
        "del\u007f|'\"del\u007f\"'",
    })
    void quotesStringsAsGoDoes(String text, String json) {
        assertThat(Json.quote(text)).isEqualTo(json);
    }

    @Test
    void escapesControlCharacters() {
        assertThat(Json.quote("a\nb\rc\td\u0000e\u0001f\u001f\bg\fh"))
                .isEqualTo("\"a\\nb\\rc\\td\\u0000e\\u0001f\\u001f\\u0008g\\u000ch\"");
    }

    @Test
    void writesUnpairedSurrogatesAsTheReplacementCharacter() {
        assertThat(Json.quote("x\ud800y\udc00")).isEqualTo("\"x\\ufffdy\\ufffd\"");
    }

    @Test
    void writesNestedValuesInOrder() {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", "a");
        member.put("vsn", List.of(1, 5, 2, 0, 0, 0));
        member.put("ok", true);
        member.put("big", 1L << 40);
        member.put("none", null);
        StringBuilder out = new StringBuilder();

        Json.appendValue(out, List.of(member, List.of()));

        assertThat(out).hasToString("[{\"name\":\"a\",\"vsn\":[1,5,2,0,0,0],\"ok\":true,\"big\":1099511627776,"
                + "\"none\":null},[]]");
    }

    @Test
    void refusesTypesWithoutAJsonForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> Json.appendValue(new StringBuilder(), 1.5))
                .withMessageContaining("java.lang.Double");
    }
}
