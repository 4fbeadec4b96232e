package dev.agenttrail.catalog.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds frameworks by id and resolves identifiers over the whole catalog. */
final class CatalogSearch {

  private static final Comparator<Resolution> BEST_FIRST =
      Comparator.comparing(Resolution::match).thenComparing(Resolution::confidence);

  private CatalogSearch() {}

  /** {@code id} (latest version) or {@code id@version}. */
  static Framework framework(Catalog catalog, String key) {
    int at = key.indexOf('@');
    return find(catalog, key)
        .orElseThrow(
            () ->
                new UnknownFrameworkException(
                    at < 0 ? key : key.substring(0, at),
                    at < 0 ? null : key.substring(at + 1),
                    catalog.frameworkKeys()));
  }

  private static Optional<Framework> find(Catalog catalog, String key) {
    int at = key.indexOf('@');
    return at < 0
        ? catalog.findLatestFramework(key)
        : catalog.findFramework(key.substring(0, at), key.substring(at + 1));
  }

  static Resolution best(Catalog catalog, String identifier) {
    Optional<Qualified> qualified = qualified(catalog, identifier);
    if (qualified.isPresent()) {
      Qualified q = qualified.get();
      return relabel(framework(catalog, q.head()).resolve(q.rest()), identifier);
    }
    List<Resolution> all = all(catalog, identifier);
    if (all.isEmpty()) {
      List<ClosestIds.Scored> scored = new ArrayList<>();
      catalog.latestFrameworks().forEach(f -> scored.addAll(f.scored(identifier)));
      throw new UnknownEntryException(identifier, null, ClosestIds.nearest(scored));
    }
    List<Resolution> top =
        all.stream()
            .filter(r -> BEST_FIRST.compare(r, all.get(0)) == 0)
            .collect(Collectors.toList());
    if (top.size() > 1) {
      throw new AmbiguousIdentifierException(identifier, top);
    }
    return all.get(0);
  }

  static List<Resolution> all(Catalog catalog, String identifier) {
    Optional<Qualified> qualified = qualified(catalog, identifier);
    if (qualified.isPresent()) {
      Qualified q = qualified.get();
      return find(catalog, q.head())
          .flatMap(framework -> framework.tryResolve(q.rest()))
          .map(r -> relabel(r, identifier))
          .stream()
          .collect(Collectors.toList());
    }
    List<Resolution> found = new ArrayList<>();
    for (Framework framework : catalog.latestFrameworks()) {
      framework.tryResolve(identifier).ifPresent(found::add);
    }
    found.sort(BEST_FIRST);
    return List.copyOf(found);
  }

  /** {@code FW@VERSION:ENTRY} or {@code FW:IDENTIFIER} where FW is a framework in the catalog. */
  private static Optional<Qualified> qualified(Catalog catalog, String identifier) {
    String input = identifier.strip();
    int colon = input.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String head = input.substring(0, colon);
    int at = head.indexOf('@');
    if (catalog.findLatestFramework(at < 0 ? head : head.substring(0, at)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Qualified(head, input.substring(colon + 1)));
  }

  private static Resolution relabel(Resolution resolution, String identifier) {
    return new Resolution(
        identifier,
        resolution.entry(),
        resolution.match(),
        resolution.confidence(),
        resolution.note());
  }

  private record Qualified(String head, String rest) {}
}
