package dev.agenttrail.catalog.internal;

import dev.agenttrail.catalog.api.ControlId;
import dev.agenttrail.catalog.api.IdSyntax;
import dev.agenttrail.catalog.api.MappingEnd;
import dev.agenttrail.catalog.api.SignalId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code controls} and {@code signals} of a library file. */
final class LibraryReader {

  private static final Set<String> CONTROL_FIELDS = Set.of("id", "name", "description", "mappings");
  private static final Set<String> SIGNAL_FIELDS =
      Set.of("id", "name", "description", "controls", "mappings");

  /** A control as written; its mappings are resolved later. */
  record ControlDraft(
      Node node, ControlId id, String name, String description, List<MappingDraft> mappings) {}

  /** A signal as written; its control ids and mappings are resolved later. */
  record SignalDraft(
      Node node,
      SignalId id,
      String name,
      String description,
      List<String> controls,
      List<MappingDraft> mappings) {}

  private LibraryReader() {}

  static List<ControlDraft> controls(List<Node> nodes) {
    List<ControlDraft> drafts = new ArrayList<>();
    for (Node node : nodes) {
      node.allowOnly(CONTROL_FIELDS);
      Optional<String> id = node.requiredText("id");
      id.filter(value -> !IdSyntax.isControlId(value))
          .ifPresent(
              value ->
                  node.problem(
                      "id",
                      "control id '"
                          + value
                          + "' is not valid: use upper-case words joined by -, e.g. CTRL-01"));
      Optional<String> name = node.requiredText("name");
      Optional<String> description = node.requiredText("description");
      Optional<ControlId> controlId = id.filter(IdSyntax::isControlId).map(ControlId::of);
      List<MappingDraft> mappings = mappings(node, controlId.map(MappingEnd.class::cast));
      if (controlId.isPresent() && name.isPresent() && description.isPresent()) {
        drafts.add(
            new ControlDraft(node, controlId.get(), name.get(), description.get(), mappings));
      }
    }
    return drafts;
  }

  static List<SignalDraft> signals(List<Node> nodes) {
    List<SignalDraft> drafts = new ArrayList<>();
    for (Node node : nodes) {
      node.allowOnly(SIGNAL_FIELDS);
      Optional<String> id = node.requiredText("id");
      id.filter(value -> !IdSyntax.isSignalId(value))
          .ifPresent(
              value ->
                  node.problem(
                      "id",
                      "signal id '"
                          + value
                          + "' is not valid: use upper-case words joined by _, e.g."
                          + " UNDECLARED_TOOL"));
      Optional<String> name = node.requiredText("name");
      Optional<String> description = node.requiredText("description");
      List<String> controls = node.texts("controls");
      if (!node.has("controls")) {
        node.problem("missing required field 'controls' (the controls the signal tests)");
      }
      Optional<SignalId> signalId = id.filter(IdSyntax::isSignalId).map(SignalId::of);
      List<MappingDraft> mappings = mappings(node, signalId.map(MappingEnd.class::cast));
      if (signalId.isPresent() && name.isPresent() && description.isPresent()) {
        drafts.add(
            new SignalDraft(
                node, signalId.get(), name.get(), description.get(), controls, mappings));
      }
    }
    return drafts;
  }

  private static List<MappingDraft> mappings(Node node, Optional<MappingEnd> owner) {
    List<MappingDraft> mappings = new ArrayList<>();
    for (Node mapping : node.requiredObjects("mappings")) {
      MappingDraft.nested(mapping, owner).ifPresent(mappings::add);
    }
    return mappings;
  }
}
