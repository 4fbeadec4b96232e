package dev.agenttrail.catalog.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object of a catalog file with its JSON Pointer. Typed reads report what is wrong (missing,
 * wrong type, empty, unknown field) to the file's {@link Problems} and answer empty instead of
 * throwing, so that one pass finds every problem.
 */
final class Node {

  private final JsonObject object;
  private final String pointer;
  private final Problems problems;

  Node(JsonObject object, String pointer, Problems problems) {
    this.object = object;
    this.pointer = pointer;
    this.problems = problems;
  }

  String pointer() {
    return pointer;
  }

  String pointer(String field) {
    return pointer + "/" + LocationIndex.escape(field);
  }

  Problems problems() {
    return problems;
  }

  boolean has(String field) {
    return object.containsKey(field)
        && object.get(field).getValueType() != JsonValue.ValueType.NULL;
  }

  void problem(String message) {
    problems.add(pointer, message);
  }

  void problem(String field, String message) {
    problems.add(pointer(field), message);
  }

  void allowOnly(Set<String> fields) {
    object.keySet().stream()
        .filter(key -> !fields.contains(key))
        .sorted()
        .forEach(
            key ->
                problem(
                    key,
                    "unknown field '"
                        + key
                        + "'; expected one of "
                        + fields.stream().sorted().toList()));
  }

  Optional<String> text(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonValue value = object.get(field);
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      problem(field, "'" + field + "' must be a string, not " + JsonDocument.describe(value));
      return Optional.empty();
    }
    String text = ((JsonString) value).getString();
    if (text.isBlank()) {
      problem(field, "'" + field + "' must not be empty");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  Optional<String> requiredText(String field) {
    if (!has(field)) {
      problem("missing required field '" + field + "'");
      return Optional.empty();
    }
    return text(field);
  }

  List<String> texts(String field) {
    List<String> texts = new ArrayList<>();
    Optional<JsonArray> array = array(field);
    for (int i = 0; array.isPresent() && i < array.get().size(); i++) {
      JsonValue item = array.get().get(i);
      if (item.getValueType() == JsonValue.ValueType.STRING
          && !((JsonString) item).getString().isBlank()) {
        texts.add(((JsonString) item).getString());
      } else {
        problems.add(
            pointer(field) + "/" + i, "items of '" + field + "' must be non-empty strings");
      }
    }
    return texts;
  }

  Map<String, String> textMap(String field) {
    Map<String, String> map = new LinkedHashMap<>();
    Optional<Node> node = object(field);
    if (node.isPresent()) {
      for (String key : node.get().object.keySet()) {
        node.get().text(key).ifPresent(value -> map.put(key, value));
      }
    }
    return map;
  }

  Optional<Node> object(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonValue value = object.get(field);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      problem(field, "'" + field + "' must be an object, not " + JsonDocument.describe(value));
      return Optional.empty();
    }
    return Optional.of(new Node((JsonObject) value, pointer(field), problems));
  }

  Optional<Node> requiredObject(String field) {
    if (!has(field)) {
      problem("missing required field '" + field + "'");
    }
    return object(field);
  }

  /** The objects of an array field; empty when the field is absent. */
  List<Node> objects(String field) {
    List<Node> nodes = new ArrayList<>();
    Optional<JsonArray> array = array(field);
    for (int i = 0; array.isPresent() && i < array.get().size(); i++) {
      JsonValue item = array.get().get(i);
      String itemPointer = pointer(field) + "/" + i;
      if (item.getValueType() == JsonValue.ValueType.OBJECT) {
        nodes.add(new Node((JsonObject) item, itemPointer, problems));
      } else {
        problems.add(
            itemPointer,
            "items of '" + field + "' must be objects, not " + JsonDocument.describe(item));
      }
    }
    return nodes;
  }

  List<Node> requiredObjects(String field) {
    if (!has(field)) {
      problem("missing required field '" + field + "'");
    } else if (array(field).map(JsonArray::isEmpty).orElse(false)) {
      problem(field, "'" + field + "' must not be empty");
    }
    return objects(field);
  }

  private Optional<JsonArray> array(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonValue value = object.get(field);
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      problem(field, "'" + field + "' must be an array, not " + JsonDocument.describe(value));
      return Optional.empty();
    }
    return Optional.of((JsonArray) value);
  }
}
