package dev.agenttrail.catalog.internal;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Optional;

/** Parses one catalog file into a {@link Node} over its root object, or reports why it cannot. */
final class JsonDocument {

  private JsonDocument() {}

  static Optional<Node> parse(JsonProvider provider, String content, Problems problems) {
    JsonValue value;
    try (JsonReader reader = provider.createReader(new StringReader(content))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      JsonLocation at = e.getLocation();
      long line = at == null ? 0 : at.getLineNumber();
      long column = at == null ? 0 : at.getColumnNumber();
      problems.addAt("", line, column, "invalid JSON: " + e.getMessage());
      return Optional.empty();
    } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
      problems.addAt("", 0, 0, "invalid JSON: " + e.getMessage());
      return Optional.empty();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      problems.addAt("", 1, 1, "a catalog file must be a JSON object, not " + describe(value));
      return Optional.empty();
    }
    problems.locations(LocationIndex.of(provider, content, problems));
    return Optional.of(new Node((JsonObject) value, "", problems));
  }

  static String describe(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case NULL:
        return "null";
      default:
        return "a boolean";
    }
  }
}
