package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

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
}
