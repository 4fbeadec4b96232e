package dev.agenttrail.catalog.internal;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.IdSyntax;
import dev.agenttrail.catalog.api.Resolution;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the text of a mapping end into an {@link EntryRef}: {@code FRAMEWORK@VERSION:ENTRY}, {@code
 * FRAMEWORK:ENTRY} (the latest version) or, in a framework file, a bare entry id of that file. Ends
 * must name the official id; a near miss is reported with what it would resolve to.
 */
final class RefResolver {

  private final Catalog frameworks;

  RefResolver(Catalog frameworks) {
    this.frameworks = frameworks;
  }

  Optional<EntryRef> resolve(
      String text, Optional<FrameworkContext> context, Node node, String field) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return bare(text, context, node, field);
    }
    String head = text.substring(0, colon);
    String entryId = text.substring(colon + 1);
    int at = head.indexOf('@');
    String frameworkId = at < 0 ? head : head.substring(0, at);
    Optional<String> version = at < 0 ? Optional.empty() : Optional.of(head.substring(at + 1));
    if (!IdSyntax.isFrameworkId(frameworkId) || !version.map(IdSyntax::isVersion).orElse(true)) {
      node.problem(
          field, "'" + text + "' is not an entry reference: write FRAMEWORK@VERSION:ENTRY");
      return Optional.empty();
    }
    if (context.filter(c -> c.names(frameworkId, version)).isPresent()) {
      return bare(entryId, context, node, field);
    }
    Optional<Framework> framework =
        version.isPresent()
            ? frameworks.findFramework(frameworkId, version.get())
            : frameworks.findLatestFramework(frameworkId);
    if (framework.isEmpty()) {
      node.problem(
          field,
          "mapping end '"
              + text
              + "' names no framework in the catalog; known: "
              + frameworks.frameworks().stream()
                  .map(f -> f.info().key())
                  .collect(Collectors.joining(", ")));
      return Optional.empty();
    }
    if (framework.get().findEntry(entryId).isPresent()) {
      return Optional.of(EntryRef.of(frameworkId, framework.get().version(), entryId));
    }
    node.problem(
        field, "mapping end '" + text + "' does not resolve: " + miss(framework.get(), entryId));
    return Optional.empty();
  }

  private Optional<EntryRef> bare(
      String entryId, Optional<FrameworkContext> context, Node node, String field) {
    if (context.isEmpty()) {
      node.problem(
          field,
          "mapping end '" + entryId + "' needs its framework: write FRAMEWORK@VERSION:ENTRY");
      return Optional.empty();
    }
    FrameworkContext own = context.get();
    if (!own.entryIds().contains(entryId)) {
      node.problem(field, "mapping end '" + entryId + "' is not an entry of this framework");
      return Optional.empty();
    }
    if (own.id().filter(IdSyntax::isFrameworkId).isEmpty()
        || own.version().filter(IdSyntax::isVersion).isEmpty()
        || !IdSyntax.isEntryId(entryId)) {
      return Optional.empty();
    }
    return Optional.of(EntryRef.of(own.id().get(), own.version().get(), entryId));
  }

  private static String miss(Framework framework, String entryId) {
    Optional<Resolution> near = framework.tryResolve(entryId);
    if (near.isPresent()) {
      return "mapping ends must use the official id; did you mean '"
          + near.get().entry().id()
          + "'?";
    }
    List<EntryRef> closest = framework.closest(entryId);
    return "No entry '"
        + entryId
        + "' in "
        + framework.info().key()
        + "; closest: "
        + (closest.isEmpty()
            ? "none"
            : closest.stream().map(EntryRef::entryId).collect(Collectors.joining(", ")));
  }
}
