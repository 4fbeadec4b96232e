package dev.agenttrail.domain.intake;

import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an {@code ExportTraceServiceRequest} in the OTLP/JSON encoding into {@link OtlpSpan}s: field
 * names in lowerCamelCase, trace and span ids as hex strings, 64-bit integers as strings (numbers
 * are accepted too), enums as numbers (their names are accepted too). Unknown fields are ignored, as
 * the OTLP specification requires of receivers. A body whose structure is not that of the message
 * is refused with {@link IllegalArgumentException}; ids are checked by the mapper, span by span.
 */
public final class OtlpJsonTraces {

  private OtlpJsonTraces() {}

  public static List<OtlpSpan> decode(JsonValue request) {
    if (!(request instanceof JsonObject body)) {
      throw new IllegalArgumentException("an ExportTraceServiceRequest must be a JSON object");
    }
    List<OtlpSpan> spans = new ArrayList<>();
    for (JsonObject resourceSpans : objects(body, "resourceSpans", "")) {
      Map<String, Object> resource = Map.of();
      if (resourceSpans.get("resource") instanceof JsonObject r) {
        resource = attributes(r, "resource");
      }
      for (JsonObject scopeSpans : objects(resourceSpans, "scopeSpans", "resourceSpans")) {
        String scope = "";
        if (scopeSpans.get("scope") instanceof JsonObject s) {
          scope = string(s, "name", "scope");
        }
        for (JsonObject span : objects(scopeSpans, "spans", "scopeSpans")) {
          spans.add(span(span, resource, scope));
        }
      }
    }
    return spans;
  }

  private static OtlpSpan span(JsonObject span, Map<String, Object> resource, String scope) {
    int statusCode = 0;
    String statusMessage = "";
    if (span.get("status") instanceof JsonObject status) {
      statusCode = enumValue(status.get("code"), "STATUS_CODE_", List.of("unset", "ok", "error"), "status.code");
      statusMessage = string(status, "message", "status");
    }
    return new OtlpSpan(id(span, "traceId"), id(span, "spanId"), id(span, "parentSpanId"), string(span, "name", "span"),
        OtlpSpan.kind(enumValue(span.get("kind"), "SPAN_KIND_", OtlpSpan.KINDS, "span.kind")),
        int64(span.get("startTimeUnixNano"), "startTimeUnixNano", false),
        int64(span.get("endTimeUnixNano"), "endTimeUnixNano", false),
        attributes(span, "span"), statusCode, statusMessage, resource, scope);
  }

  private static Map<String, Object> attributes(JsonObject owner, String where) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (JsonObject kv : objects(owner, "attributes", where)) {
      Object value = kv.get("value") instanceof JsonObject v ? anyValue(v) : null;
      if (kv.get("key") instanceof JsonString key && value != null) {
        out.put(key.getString(), value);
      }
    }
    return out;
  }

  /** An {@code AnyValue}: the one of its fields that is set; null when none is. */
  static Object anyValue(JsonObject v) {
    if (v.get("stringValue") instanceof JsonString s) {
      return s.getString();
    }
    JsonValue b = v.get("boolValue");
    if (b == JsonValue.TRUE || b == JsonValue.FALSE) {
      return b == JsonValue.TRUE;
    }
    if (v.containsKey("intValue")) {
      return int64(v.get("intValue"), "intValue", true);
    }
    if (v.get("doubleValue") instanceof JsonNumber d) {
      return d.doubleValue();
    }
    if (v.get("bytesValue") instanceof JsonString bytes) {
      return bytes.getString();
    }
    if (v.get("arrayValue") instanceof JsonObject array) {
      List<Object> values = new ArrayList<>();
      for (JsonObject item : objects(array, "values", "arrayValue")) {
        Object value = anyValue(item);
        if (value != null) {
          values.add(value);
        }
      }
      return List.copyOf(values);
    }
    if (v.get("kvlistValue") instanceof JsonObject kvlist) {
      return Map.copyOf(attributes(kvlistAsOwner(kvlist), "kvlistValue"));
    }
    return null;
  }

  private static JsonObject kvlistAsOwner(JsonObject kvlist) {
    return JsonSupport.PROVIDER.createObjectBuilder()
        .add("attributes", kvlist.containsKey("values") ? kvlist.get("values") : JsonValue.EMPTY_JSON_ARRAY).build();
  }

  private static List<JsonObject> objects(JsonObject owner, String field, String where) {
    JsonValue value = owner.get(field);
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException(where(where, field) + " must be an array");
    }
    List<JsonObject> out = new ArrayList<>(array.size());
    for (JsonValue item : array) {
      if (!(item instanceof JsonObject o)) {
        throw new IllegalArgumentException(where(where, field) + " must hold objects");
      }
      out.add(o);
    }
    return out;
  }

  private static String id(JsonObject span, String field) {
    JsonValue value = span.get(field);
    if (value == null || value == JsonValue.NULL) {
      return "";
    }
    if (!(value instanceof JsonString s)) {
      throw new IllegalArgumentException("span." + field + " must be a hex string");
    }
    return s.getString().toLowerCase(Locale.ROOT);
  }

  private static String string(JsonObject owner, String field, String where) {
    JsonValue value = owner.get(field);
    if (value == null || value == JsonValue.NULL) {
      return "";
    }
    if (!(value instanceof JsonString s)) {
      throw new IllegalArgumentException(where(where, field) + " must be a string");
    }
    return s.getString();
  }

  private static long int64(JsonValue value, String field, boolean signed) {
    try {
      if (value == null || value == JsonValue.NULL) {
        return 0;
      }
      if (value instanceof JsonString s) {
        return signed ? Long.parseLong(s.getString().trim()) : Long.parseUnsignedLong(s.getString().trim());
      }
      if (value instanceof JsonNumber n) {
        return n.longValueExact();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(field + " must be a 64-bit integer (a decimal string or number)");
  }

  private static int enumValue(JsonValue value, String prefix, List<String> names, String field) {
    if (value == null || value == JsonValue.NULL) {
      return 0;
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      return n.intValue();
    }
    if (value instanceof JsonString s && s.getString().startsWith(prefix)) {
      int i = names.indexOf(s.getString().substring(prefix.length()).toLowerCase(Locale.ROOT));
      if (i >= 0) {
        return i;
      }
    }
    throw new IllegalArgumentException(field + " must be an enum number (or its name)");
  }

  private static String where(String where, String field) {
    return where.isEmpty() ? field : where + "." + field;
  }
}
