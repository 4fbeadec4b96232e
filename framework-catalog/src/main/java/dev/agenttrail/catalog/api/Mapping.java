package dev.agenttrail.catalog.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Relates a framework entry, control or signal to a framework entry. A {@link Provenance#PUBLISHED}
 * mapping reproduces a crosswalk a publisher printed and names it in {@code source}; a {@link
 * Provenance#PRODUCT} or {@link Provenance#MANUAL} mapping is a judgement and says why in {@code
 * rationale}.
 */
public record Mapping(
    MappingEnd from,
    EntryRef to,
    Provenance provenance,
    String rationale,
    Optional<String> source) {

  public Mapping {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(source, "source");
    if (rationale == null || rationale.isBlank()) {
      throw new IllegalArgumentException("A mapping needs a rationale: " + from + " -> " + to);
    }
    if (provenance == Provenance.PUBLISHED && source.isEmpty()) {
      throw new IllegalArgumentException(
          "A published mapping needs its source: " + from + " -> " + to);
    }
  }

  public static Mapping of(
      MappingEnd from, EntryRef to, Provenance provenance, String rationale, String source) {
    return new Mapping(from, to, provenance, rationale, Optional.ofNullable(source));
  }
}
