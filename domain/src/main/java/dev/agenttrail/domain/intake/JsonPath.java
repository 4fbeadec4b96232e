package dev.agenttrail.domain.intake;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A dotted path into a JSON document, such as {@code input.agent.id} or {@code input.resources.0};
 * a numeric segment indexes an array. Deliberately small: enough to point at a field, nothing to
 * evaluate.
 */
public record JsonPath(String text, List<String> segments) {

  private static final Pattern SYNTAX = Pattern.compile("^[A-Za-z0-9_$@-]+(\\.[A-Za-z0-9_$@-]+)*$");

  public static JsonPath parse(String text) {
    if (text == null || !SYNTAX.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a path such as input.agent.id");
    }
    return new JsonPath(text, List.of(text.split("\\.")));
  }

  public Optional<JsonValue> find(JsonValue root) {
    JsonValue at = root;
    for (String segment : segments) {
      if (at instanceof JsonObject o) {
        at = o.get(segment);
      } else if (at instanceof JsonArray a && segment.chars().allMatch(Character::isDigit)) {
        int i = Integer.parseInt(segment);
        at = i < a.size() ? a.get(i) : null;
      } else {
        return Optional.empty();
      }
      if (at == null) {
        return Optional.empty();
      }
    }
    return at == JsonValue.NULL ? Optional.empty() : Optional.of(at);
  }

  @Override
  public String toString() {
    return text;
  }
}
