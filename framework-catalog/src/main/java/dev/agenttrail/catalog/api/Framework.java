package dev.agenttrail.catalog.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One version of one framework: its description, its entries in publication order, and the naming
 * rules used to resolve identifiers. Immutable; a new version of a framework is a new {@code
 * Framework} beside the old one, never a change to it.
 */
public final class Framework {

  private final FrameworkInfo info;
  private final List<FrameworkEntry> entries;
  private final NamingRules namingRules;
  private final Map<String, FrameworkEntry> byId = new LinkedHashMap<>();
  private final Map<String, List<FrameworkEntry>> children = new LinkedHashMap<>();
  private final EntryResolver resolver;

  private Framework(FrameworkInfo info, List<FrameworkEntry> entries, NamingRules namingRules) {
    this.info = Objects.requireNonNull(info, "info");
    this.entries = List.copyOf(entries);
    this.namingRules = Objects.requireNonNull(namingRules, "namingRules");
    for (FrameworkEntry entry : this.entries) {
      if (!entry.ref().sameFramework(info.id(), info.version())) {
        throw new IllegalArgumentException("Entry " + entry.ref() + " is not in " + info.key());
      }
      if (byId.put(entry.id(), entry) != null) {
        throw new IllegalArgumentException(
            "Duplicate entry id '" + entry.id() + "' in " + info.key());
      }
    }
    for (FrameworkEntry entry : this.entries) {
      entry
          .parent()
          .ifPresent(
              parent -> {
                if (!byId.containsKey(parent)) {
                  throw new IllegalArgumentException(
                      "Entry " + entry.ref() + " has unknown parent " + parent);
                }
                children.computeIfAbsent(parent, key -> new ArrayList<>()).add(entry);
              });
    }
    for (Alias alias : namingRules.aliases()) {
      if (!byId.containsKey(alias.entryId())) {
        throw new IllegalArgumentException(
            "Alias '" + alias.alias() + "' names unknown entry " + alias.entryId());
      }
    }
    children.replaceAll((parent, list) -> List.copyOf(list));
    this.resolver = new EntryResolver(info, Collections.unmodifiableMap(byId), namingRules);
  }

  /**
   * @throws IllegalArgumentException if an entry belongs to another framework version, an id is
   *     repeated, a parent or an alias target is unknown
   */
  public static Framework of(
      FrameworkInfo info, List<FrameworkEntry> entries, NamingRules namingRules) {
    return new Framework(info, entries, namingRules);
  }

  public FrameworkInfo info() {
    return info;
  }

  public String id() {
    return info.id();
  }

  public String version() {
    return info.version();
  }

  /** Every entry, in publication order. */
  public List<FrameworkEntry> entries() {
    return entries;
  }

  /** Entries without a parent (e.g. NIST functions, MAESTRO layers and cross-layer threats). */
  public List<FrameworkEntry> roots() {
    return entries.stream()
        .filter(e -> e.parent().isEmpty())
        .collect(Collectors.toUnmodifiableList());
  }

  /** The direct children of an entry, in publication order; empty for a leaf or an unknown id. */
  public List<FrameworkEntry> children(String entryId) {
    return children.getOrDefault(entryId, List.of());
  }

  /** The entry with exactly this id. */
  public Optional<FrameworkEntry> findEntry(String entryId) {
    return Optional.ofNullable(byId.get(entryId));
  }

  public NamingRules namingRules() {
    return namingRules;
  }

  /** Resolves an official id, a harmless variant of one or an alias; empty if nothing matches. */
  public Optional<Resolution> tryResolve(String identifier) {
    return resolver.resolve(Objects.requireNonNull(identifier, "identifier"));
  }

  /**
   * Resolves an official id, a harmless variant of one or an alias.
   *
   * @throws UnknownEntryException naming the closest entries if nothing matches
   */
  public Resolution resolve(String identifier) {
    return tryResolve(identifier)
        .orElseThrow(() -> new UnknownEntryException(identifier, id(), closest(identifier)));
  }

  List<ClosestIds.Scored> scored(String identifier) {
    return resolver.scored(identifier);
  }

  /** The entries whose ids are nearest to an identifier by edit distance (at most five). */
  public List<EntryRef> closest(String identifier) {
    return ClosestIds.nearest(scored(identifier));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Framework that && info.key().equals(that.info.key());
  }

  @Override
  public int hashCode() {
    return info.key().hashCode();
  }

  @Override
  public String toString() {
    return info.key();
  }
}
