package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Parsing helpers for request bodies that are small JSON objects. */
final class JsonBodies {

  private JsonBodies() {}

  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new Problem(ProblemType.MALFORMED_BODY, "The request needs a JSON object as its body.");
    }
    try (JsonReader reader = JsonSupport.PROVIDER.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new Problem(ProblemType.MALFORMED_BODY, "The request body must be a JSON object.");
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      throw new Problem(ProblemType.MALFORMED_BODY, "The body is not valid JSON: " + location(e) + ".");
    } catch (jakarta.json.JsonException e) {
      throw new Problem(ProblemType.MALFORMED_BODY, "The body is not valid JSON.");
    }
  }

  static String location(JsonParsingException e) {
    if (e.getLocation() == null) {
      return "unexpected content";
    }
    return "unexpected content at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
  }

  static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw new dev.agenttrail.webapp.application.InvalidRequestException("/" + name, "'" + name + "' must be a string");
    }
    return o.getString(name);
  }

  /**
   * An optional array of non-empty strings without commas (names that are stored comma-separated):
   * absent or null is empty; anything else is a 400 naming the member.
   */
  static List<String> texts(JsonObject request, String name) {
    JsonValue value = request.get(name);
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw SourceResource.invalid("/" + name, "'" + name + "' must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString s) || s.getString().isBlank() || s.getString().contains(",")) {
        throw SourceResource.invalid("/" + name + "/" + i, "'" + name + "' must hold non-empty strings without commas");
      }
      out.add(s.getString());
    }
    return out;
  }
}
