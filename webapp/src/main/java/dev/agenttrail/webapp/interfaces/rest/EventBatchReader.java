package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.domain.shared.Utf8;
import dev.agenttrail.domain.event.Violation;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Turns an ingest request body into its items: one JSON object, a JSON array, or NDJSON (one event a
 * line), optionally gzip-compressed. Enforces the body limit after decompression (413) and the
 * per-request event limit (413); malformed JSON is a 400 naming the item (NDJSON line) or position.
 */
final class EventBatchReader {

  private final int maxBodyBytes;
  private final int maxEvents;

  EventBatchReader(int maxBodyBytes, int maxEvents) {
    this.maxBodyBytes = maxBodyBytes;
    this.maxEvents = maxEvents;
  }

  List<JsonValue> read(InputStream body, String contentEncoding, String contentType) {
    String text = decode(body, contentEncoding);
    List<JsonValue> items = isNdjson(contentType) ? ndjson(text) : json(text);
    if (items.size() > maxEvents) {
      throw new Problem(ProblemType.PAYLOAD_TOO_LARGE,
          "The request carries " + items.size() + " events; at most " + maxEvents + " are accepted per request.");
    }
    return items;
  }

  static boolean isNdjson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String t = contentType.toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("application/x-ndjson") || t.startsWith("application/ndjson") || t.startsWith("application/jsonl");
  }

  /** The body as text; malformed UTF-8 is a 400, never silently replaced. */
  private String decode(InputStream body, String contentEncoding) {
    return Utf8.decode(bytes(body, contentEncoding))
        .orElseThrow(() -> new Problem(ProblemType.MALFORMED_BODY, "The body is not valid UTF-8."));
  }

  /** The body's bytes, gunzipped when {@code contentEncoding} says gzip, within the body limit (413). */
  byte[] bytes(InputStream body, String contentEncoding) {
    try {
      InputStream in = body;
      if (contentEncoding != null && !contentEncoding.isBlank() && !contentEncoding.equalsIgnoreCase("identity")) {
        if (!contentEncoding.trim().equalsIgnoreCase("gzip")) {
          throw new Problem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
              "Content-Encoding '" + contentEncoding + "' is not supported; send gzip or an uncompressed body.");
        }
        in = new GZIPInputStream(body, 65536);
      }
      // Read in 8 KiB chunks, then copied once into an array of the body's size. A buffer that grows by
      // doubling allocated arrays of half a G1 region and more for a batch of 500 events, which G1
      // puts straight into the old generation, each time checking whether to start a marking cycle.
      byte[] bytes = in.readNBytes(maxBodyBytes < Integer.MAX_VALUE ? maxBodyBytes + 1 : maxBodyBytes);
      if (bytes.length > maxBodyBytes) {
        throw new Problem(ProblemType.PAYLOAD_TOO_LARGE,
            "The body is larger than " + maxBodyBytes + " bytes (after decompression); split the batch.");
      }
      return bytes;
    } catch (ZipException e) {
      throw new Problem(ProblemType.MALFORMED_BODY, "The body is not valid gzip data.");
    } catch (IOException e) {
      throw new Problem(ProblemType.MALFORMED_BODY, "The body could not be read: the upload was cut short.");
    }
  }

  private static List<JsonValue> json(String text) {
    if (text.isBlank()) {
      throw new Problem(ProblemType.MALFORMED_BODY, "The body is empty; send an event, an array of events or NDJSON.");
    }
    JsonValue value = parse(text, -1);
    if (value instanceof JsonArray array) {
      return new ArrayList<>(array);
    }
    return List.of(value);
  }

  private static List<JsonValue> ndjson(String text) {
    List<JsonValue> items = new ArrayList<>();
    List<Violation> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        items.add(parse(line, items.size()));
      } catch (Problem p) {
        problems.add(new Violation(items.size(), "", p.getMessage()));
        items.add(JsonValue.NULL);
      }
    }
    if (!problems.isEmpty()) {
      throw new Problem(ProblemType.INVALID_EVENTS,
          problems.size() + " line(s) of the NDJSON body are not valid JSON; nothing was stored.", problems);
    }
    if (items.isEmpty()) {
      throw new Problem(ProblemType.MALFORMED_BODY, "The NDJSON body holds no events.");
    }
    return items;
  }

  private static JsonValue parse(String text, int index) {
    try (JsonReader reader = JsonSupport.PROVIDER.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      throw new Problem(ProblemType.MALFORMED_BODY, (index >= 0 ? "not valid JSON: " : "The body is not valid JSON: ")
          + JsonBodies.location(e));
    } catch (JsonException e) {
      throw new Problem(ProblemType.MALFORMED_BODY, index >= 0 ? "not valid JSON" : "The body is not valid JSON.");
    }
  }
}
