package dev.agenttrail.domain.intake;

import dev.agenttrail.domain.event.Violation;
import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one CloudEvent (v1.0, in its JSON form; the binary HTTP mode is turned into that form first)
 * to an event-v1 event. {@code data} is the event; the CloudEvents {@code type} gives the event type
 * through {@link CloudEventTypes}; {@code id} becomes the event id and {@code time} the
 * {@code occurredAt} when {@code data} has none; the W3C {@code traceparent} extension gives the
 * {@code traceId} when {@code data} has none. Every context attribute ({@code source},
 * {@code subject}, {@code id}, {@code type}, extensions) is kept under {@code attributes.cloudevents}.
 */
public final class CloudEventMapper {

  private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

  /** The outcome for one CloudEvent: the event, or why it cannot be one. */
  public record Mapped(JsonObject event, List<Violation> problems) {}

  public Mapped map(int index, JsonValue item) {
    if (!(item instanceof JsonObject ce)) {
      return new Mapped(null, List.of(new Violation(index, "", "a CloudEvent must be a JSON object")));
    }
    List<Violation> problems = new ArrayList<>();
    if (!"1.0".equals(text(ce, "specversion"))) {
      problems.add(new Violation(index, "/specversion", "must be \"1.0\" (CloudEvents 1.0)"));
    }
    for (String required : List.of("id", "source", "type")) {
      if (text(ce, required) == null) {
        problems.add(new Violation(index, "/" + required, "required CloudEvents attribute '" + required + "' is missing"));
      }
    }
    String ceType = text(ce, "type");
    Optional<String> eventType = ceType == null ? Optional.empty() : CloudEventTypes.eventType(ceType);
    if (ceType != null && eventType.isEmpty()) {
      problems.add(new Violation(index, "/type", "type '" + ceType + "' is not in the CloudEvents type table: use "
          + CloudEventTypes.PREFIX + "<event type> (e.g. " + CloudEventTypes.PREFIX + "tool.invocation) or a spelling"
          + " the README's table lists (section 'Native intake', CloudEvents)"));
    }
    JsonObject data = data(index, ce, problems);
    if (!problems.isEmpty()) {
      return new Mapped(null, problems);
    }
    JsonObjectBuilder event = JsonSupport.PROVIDER.createObjectBuilder(data);
    if (!data.containsKey("id")) {
      event.add("id", text(ce, "id"));
    }
    if (data.get("type") instanceof JsonString t && !t.getString().equals(eventType.get())) {
      problems.add(new Violation(index, "/data/type", "says '" + t.getString() + "', but the CloudEvents type '" + ceType
          + "' stands for '" + eventType.get() + "'"));
    }
    event.add("type", eventType.get());
    if (!data.containsKey("occurredAt")) {
      String time = text(ce, "time");
      if (time == null) {
        problems.add(new Violation(index, "/time", "required when data has no occurredAt"));
      } else {
        event.add("occurredAt", time);
      }
    }
    String traceparent = text(ce, "traceparent");
    Matcher trace = TRACEPARENT.matcher(traceparent == null ? "" : traceparent);
    if (!data.containsKey("traceId") && trace.matches()) {
      event.add("traceId", trace.group(1));
    }
    if (!data.containsKey("attributes") || data.get("attributes") instanceof JsonObject) {
      event.add("attributes", attributes(ce, data)); // anything else is left for validation to report
    }
    return problems.isEmpty() ? new Mapped(event.build(), List.of()) : new Mapped(null, problems);
  }

  private static JsonObject data(int index, JsonObject ce, List<Violation> problems) {
    String contentType = text(ce, "datacontenttype");
    if (contentType != null && !isJson(contentType)) {
      problems.add(new Violation(index, "/datacontenttype", "is '" + contentType
          + "'; data must be JSON (an event-v1 event), e.g. application/json"));
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonValue data = ce.get("data");
    if (data == null && ce.get("data_base64") instanceof JsonString b64) {
      try (JsonReader reader = JsonSupport.PROVIDER.createReader(new StringReader(
          new String(Base64.getDecoder().decode(b64.getString()), StandardCharsets.UTF_8)))) {
        data = reader.readValue();
      } catch (IllegalArgumentException | JsonException e) {
        problems.add(new Violation(index, "/data_base64", "is not base64 of a JSON object"));
        return JsonValue.EMPTY_JSON_OBJECT;
      }
    }
    if (data == null || data == JsonValue.NULL) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (!(data instanceof JsonObject o)) {
      problems.add(new Violation(index, "/data", "must be a JSON object following event-v1"));
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    return o;
  }

  private static JsonObject attributes(JsonObject ce, JsonObject data) {
    JsonObjectBuilder context = JsonSupport.PROVIDER.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : ce.entrySet()) {
      if (!e.getKey().equals("data") && !e.getKey().equals("data_base64") && e.getValue() != JsonValue.NULL) {
        context.add(e.getKey(), e.getValue());
      }
    }
    JsonObjectBuilder attributes = data.get("attributes") instanceof JsonObject given
        ? JsonSupport.PROVIDER.createObjectBuilder(given)
        : JsonSupport.PROVIDER.createObjectBuilder();
    return attributes.add("cloudevents", context).build();
  }

  /**
   * The JSON form of a CloudEvent received in binary HTTP mode: every {@code ce-} header (name
   * lower-cased, value percent-decoded as the HTTP binding asks) is a context attribute, the
   * {@code Content-Type} the {@code datacontenttype}, the body the {@code data}.
   *
   * @param headers the request's headers; those without the {@code ce-} prefix are ignored
   * @param data the body as JSON, or null when it is not JSON
   */
  public static JsonObject fromBinary(Map<String, String> headers, String contentType, JsonValue data) {
    JsonObjectBuilder ce = JsonSupport.PROVIDER.createObjectBuilder();
    headers.forEach((name, value) -> {
      if (name.length() > 3 && name.regionMatches(true, 0, "ce-", 0, 3) && value != null) {
        ce.add(name.substring(3).toLowerCase(Locale.ROOT), percentDecode(value));
      }
    });
    if (contentType != null && !contentType.isBlank()) {
      ce.add("datacontenttype", contentType);
    }
    if (data != null) {
      ce.add("data", data);
    }
    return ce.build();
  }

  static String percentDecode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    int i = 0;
    while (i < value.length()) {
      int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
      int low = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
      if (value.charAt(i) == '%' && high >= 0 && low >= 0) {
        bytes.write(high * 16 + low);
        i += 3;
      } else {
        int cp = value.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Whether a media type is JSON: {@code application/json}, {@code text/json} or {@code +json}. */
  public static boolean isJson(String mediaType) {
    String t = mediaType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    return t.equals("application/json") || t.equals("text/json") || t.endsWith("+json");
  }

  private static String text(JsonObject ce, String name) {
    return ce.get(name) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
  }
}
