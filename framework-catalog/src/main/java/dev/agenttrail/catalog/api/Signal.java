package dev.agenttrail.catalog.api;

import java.util.List;
import java.util.Objects;

/**
 * A runtime-control failure signal (a detection rule over the event stream), the controls it tests
 * and its default mappings to framework entries. Every mapping starts from this signal.
 */
public record Signal(
    SignalId id,
    String name,
    String description,
    List<ControlId> controls,
    List<Mapping> mappings) {

  public Signal {
    Objects.requireNonNull(id, "id");
    Control.requireText(name, "name", id);
    Control.requireText(description, "description", id);
    controls = List.copyOf(controls);
    mappings = List.copyOf(mappings);
    for (Mapping mapping : mappings) {
      if (!mapping.from().equals(id)) {
        throw new IllegalArgumentException("Mapping " + mapping + " does not start from " + id);
      }
    }
  }
}
