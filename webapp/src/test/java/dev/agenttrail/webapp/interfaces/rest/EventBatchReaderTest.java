package dev.agenttrail.webapp.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What the reader gives for good bodies; its problems (413 over the limits, 400 for malformed UTF-8)
 * need the JAX-RS runtime and are checked against the server in {@code IngestionContract}.
 */
class EventBatchReaderTest {

  private final EventBatchReader reader = new EventBatchReader(1000, 3);

  @Test
  void shouldReadAnArrayAsItsItems() {
    List<JsonValue> items = reader.read(body("[{\"id\":\"a\"},{\"id\":\"b\"}]"), null, "application/json");

    assertThat(items).extracting(v -> ((JsonObject) v).getString("id")).containsExactly("a", "b");
  }

  @Test
  void shouldKeepTextOutsideAscii() {
    List<JsonValue> items = reader.read(body("{\"tool\":\"r\u00e9sum\u00e9 \u6587\u4ef6 \uD83D\uDE00\"}"), null, "application/json");

    assertThat(((JsonObject) items.get(0)).getString("tool")).isEqualTo("r\u00e9sum\u00e9 \u6587\u4ef6 \uD83D\uDE00");
  }

  @Test
  void shouldAcceptTheReplacementCharacterSentAsSuch() {
    List<JsonValue> items = reader.read(body("{\"tool\":\"a\uFFFDb\"}"), null, "application/json");

    assertThat(((JsonObject) items.get(0)).getString("tool")).isEqualTo("a\uFFFDb");
  }

  @Test
  void shouldTakeABodyOfExactlyTheLimit() {
    String exactly = "[{\"id\":\"" + "x".repeat(1000 - 11) + "\"}]";
    assertThat(exactly).hasSize(1000);

    assertThat(reader.bytes(body(exactly), null)).isEqualTo(exactly.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadGzipAndNdjson() throws IOException {
    byte[] gzipped = gzip("{\"id\":\"a\"}\n{\"id\":\"b\"}\n");

    List<JsonValue> items = reader.read(new ByteArrayInputStream(gzipped), "gzip", "application/x-ndjson");

    assertThat(items).extracting(v -> ((JsonObject) v).getString("id")).containsExactly("a", "b");
  }

  private static ByteArrayInputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
