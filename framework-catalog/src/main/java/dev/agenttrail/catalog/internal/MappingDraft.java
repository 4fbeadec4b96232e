package dev.agenttrail.catalog.internal;

import dev.agenttrail.catalog.api.MappingEnd;
import dev.agenttrail.catalog.api.Provenance;
import java.util.Optional;
import java.util.Set;

/**
 * A mapping as written in a file: its ends are still text, to be resolved once every framework is
 * known. {@code owner} is the control or signal the mapping is nested in (then there is no {@code
 * from} text); {@code context} is the framework file's own framework, for bare entry ids.
 */
record MappingDraft(
    Node node,
    Optional<MappingEnd> owner,
    Optional<String> from,
    String to,
    Provenance provenance,
    String rationale,
    Optional<String> source,
    Optional<FrameworkContext> context) {

  private static final Set<String> FIELDS =
      Set.of("from", "to", "provenance", "rationale", "source");
  private static final Set<String> NESTED_FIELDS =
      Set.of("to", "provenance", "rationale", "source");

  /** Reads a top-level mapping (with {@code from}) of a framework or mapping-set file. */
  static Optional<MappingDraft> read(Node node, Optional<FrameworkContext> context) {
    return read(node, false, Optional.empty(), context);
  }

  /** Reads a mapping nested in a control or signal; the owner is empty if its id is invalid. */
  static Optional<MappingDraft> nested(Node node, Optional<MappingEnd> owner) {
    return read(node, true, owner, Optional.empty());
  }

  private static Optional<MappingDraft> read(
      Node node, boolean nested, Optional<MappingEnd> owner, Optional<FrameworkContext> context) {
    node.allowOnly(nested ? NESTED_FIELDS : FIELDS);
    Optional<String> from = nested ? Optional.empty() : node.requiredText("from");
    Optional<String> to = node.requiredText("to");
    Optional<String> provenanceText = node.requiredText("provenance");
    Optional<Provenance> provenance = provenanceText.flatMap(Provenance::fromJsonName);
    if (provenanceText.isPresent() && provenance.isEmpty()) {
      node.problem(
          "provenance",
          "provenance '" + provenanceText.get() + "' is not one of published, product, manual");
    }
    Optional<String> rationale = node.requiredText("rationale");
    Optional<String> source = node.text("source");
    boolean sourceMissing =
        provenance.filter(Provenance.PUBLISHED::equals).isPresent() && source.isEmpty();
    if (sourceMissing && !node.has("source")) {
      node.problem("a published mapping needs its 'source' (the document that publishes it)");
    }
    boolean fromOk = owner.isPresent() || from.isPresent();
    if (!fromOk || sourceMissing || to.isEmpty() || provenance.isEmpty() || rationale.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MappingDraft(
            node, owner, from, to.get(), provenance.get(), rationale.get(), source, context));
  }
}
