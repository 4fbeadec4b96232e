package dev.agenttrail.domain.event;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.erdtman.jcs.NumberToJSON;

/**
 * The JSON Canonicalization Scheme (RFC 8785) over JSON-P values: object members sorted by their
 * names' UTF-16 code units, no insignificant white space, strings escaped as ECMAScript's
 * {@code JSON.stringify} does, and numbers written as ECMAScript writes an IEEE 754 double (the
 * number formatting comes from the reference implementation, {@code java-json-canonicalization}).
 *
 * <p>These are the bytes the ledger hashes, so the same event gives the same bytes on every node
 * and in every offline verifier that implements RFC 8785.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  public static String write(JsonValue value) {
    StringBuilder out = new StringBuilder(256);
    append(value, out);
    return out.toString();
  }

  public static byte[] bytes(JsonValue value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Length in UTF-8 bytes of the canonical form, counted without writing it: member order does not
   * change the length, so nothing is sorted either.
   */
  public static int utf8Length(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        JsonObject object = value.asJsonObject();
        int length = 2 + Math.max(0, object.size() - 1);
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
          length += stringLength(member.getKey()) + 1 + utf8Length(member.getValue());
        }
        yield length;
      }
      case ARRAY -> {
        JsonArray array = value.asJsonArray();
        int length = 2 + Math.max(0, array.size() - 1);
        for (JsonValue item : array) {
          length += utf8Length(item);
        }
        yield length;
      }
      case STRING -> stringLength(((JsonString) value).getString());
      case NUMBER -> number((JsonNumber) value).length();
      case TRUE, NULL -> 4;
      case FALSE -> 5;
    };
  }

  /** UTF-8 bytes of {@code s} as {@link #appendString} writes it, quotes included. */
  private static int stringLength(String s) {
    int bytes = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
        bytes += 2;
      } else if (c < 0x20) {
        bytes += 6;
      } else if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static void append(JsonValue value, StringBuilder out) {
    switch (value.getValueType()) {
      case OBJECT -> appendObject(value.asJsonObject(), out);
      case ARRAY -> {
        JsonArray array = value.asJsonArray();
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          append(array.get(i), out);
        }
        out.append(']');
      }
      case STRING -> appendString(((JsonString) value).getString(), out);
      case NUMBER -> out.append(number((JsonNumber) value));
      case TRUE -> out.append("true");
      case FALSE -> out.append("false");
      case NULL -> out.append("null");
    }
  }

  private static void appendObject(JsonObject object, StringBuilder out) {
    appendMembers(new TreeMap<>(object), out);
  }

  /**
   * Writes an object from members already in a {@link TreeMap} with natural String order, which is
   * RFC 8785's order (UTF-16 code units).
   */
  static void appendMembers(SortedMap<String, JsonValue> members, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonValue> member : members.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendString(member.getKey(), out);
      out.append(':');
      append(member.getValue(), out);
    }
    out.append('}');
  }

  /** The canonical form of an object given as sorted members. */
  public static String write(SortedMap<String, JsonValue> members) {
    StringBuilder out = new StringBuilder(512);
    appendMembers(members, out);
    return out.toString();
  }

  private static String number(JsonNumber n) {
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("number out of the IEEE 754 double range: " + n);
    }
    try {
      return NumberToJSON.serializeNumber(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void appendString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
