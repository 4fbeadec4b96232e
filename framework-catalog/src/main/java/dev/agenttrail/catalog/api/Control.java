package dev.agenttrail.catalog.api;

import java.util.List;
import java.util.Objects;

/**
 * A runtime control of the control library, e.g. just-in-time task credentials, with its mappings
 * to framework entries. Every mapping starts from this control.
 */
public record Control(ControlId id, String name, String description, List<Mapping> mappings) {

  public Control {
    Objects.requireNonNull(id, "id");
    requireText(name, "name", id);
    requireText(description, "description", id);
    mappings = List.copyOf(mappings);
    for (Mapping mapping : mappings) {
      if (!mapping.from().equals(id)) {
        throw new IllegalArgumentException("Mapping " + mapping + " does not start from " + id);
      }
    }
  }

  static void requireText(String value, String field, Object owner) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(owner + " needs a " + field);
    }
  }
}
