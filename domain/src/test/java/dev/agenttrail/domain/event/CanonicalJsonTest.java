package dev.agenttrail.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private static JsonValue parse(String json) {
    return Json.createReader(new StringReader(json)).readValue();
  }

  @Test
  void shouldProduceTheRfc8785SampleOutput() {
    // RFC 8785 section 3.2.2's example input and its canonical form.
    String input = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
        + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
        + " \"literals\": [null, true, false]}";
    String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    assertThat(CanonicalJson.write(parse(input))).isEqualTo(expected);
  }

  @Test
  void shouldSortMembersByUtf16CodeUnits() {
    // RFC 8785 section 3.2.3: U+FB33 sorts after U+1F600 by UTF-16 code units (0xFB33 > 0xD83D),
    // although its code point is smaller.
    String input = "{\"\\ufb33\": 0, \"\\u20ac\": 1, \"\\ud83d\\ude00\": 2, \"\\u0080\": 3, \"1\": 4, \"\\r\": 5}";
    assertThat(CanonicalJson.write(parse(input)))
        .isEqualTo("{\"\\r\":5,\"1\":4,\"\u0080\":3,\"\u20ac\":1,\"\ud83d\ude00\":2,\"\ufb33\":0}");
  }

  @Test
  void shouldGiveTheSameBytesWhateverTheMemberOrderOrSpacing() {
    String a = "{\"b\": [1, 2, {\"y\": true, \"x\": null}], \"a\": \"text\"}";
    String b = "{\"a\":\"text\",\"b\":[1,2,{\"x\":null,\"y\":true}]}";
    assertThat(CanonicalJson.bytes(parse(a))).isEqualTo(CanonicalJson.bytes(parse(b)));
  }

  @Test
  void shouldCountUtf8Bytes() {
    assertThat(CanonicalJson.utf8Length(parse("{\"k\":\"é😀\"}"))).isEqualTo("{\"k\":\"é😀\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  @Test
  void shouldCountTheUtf8LengthOfTheCanonicalFormWithoutWritingIt() {
    for (String json : new String[] {"{}", "[]", "{\"a\":[1,2.50,-0.0,1e300,true,false,null],\"b\":{}}",
        "{\"z\":\"\\u0001\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\",\"\u00e9\u20ac\":\"\ud83d\ude00 caf\u00e9\"}",
        "{\"gateway\":\"edge-1\",\"latencyMs\":42,\"tags\":[\"a\",\"b\",{\"k\":\"v\"}]}"}) {
      JsonValue value = parse(json);
      assertThat(CanonicalJson.utf8Length(value)).as(json)
          .isEqualTo(CanonicalJson.write(value).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
  }
}
