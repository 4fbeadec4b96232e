package dev.agenttrail.catalog.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole catalog: every framework version, the mappings between entries (published crosswalks
 * and the product's own), the control library and the failure signals. Immutable; adding a custom
 * framework gives a new {@code Catalog}. Load the built-in one with {@link
 * CatalogLoader#loadBuiltIn()}.
 */
public final class Catalog {

  private final Map<String, Framework> frameworks = new LinkedHashMap<>();
  private final Map<String, Framework> latest = new LinkedHashMap<>();
  private final Map<ControlId, Control> controls;
  private final Map<SignalId, Signal> signals;
  private final MappingIndex mappings;

  private Catalog(
      List<Framework> frameworks,
      List<Mapping> entryMappings,
      List<Control> controls,
      List<Signal> signals) {
    for (Framework framework : frameworks) {
      if (this.frameworks.put(framework.info().key(), framework) != null) {
        throw new IllegalArgumentException("Framework " + framework + " is given twice");
      }
      latest.merge(
          framework.id(),
          framework,
          (a, b) -> VersionOrder.INSTANCE.compare(a.version(), b.version()) >= 0 ? a : b);
    }
    this.controls = byId(controls, Control::id);
    this.signals = byId(signals, Signal::id);
    List<Mapping> all = new ArrayList<>();
    for (Mapping mapping : entryMappings) {
      if (!(mapping.from() instanceof EntryRef)) {
        throw new IllegalArgumentException("Not an entry-to-entry mapping: " + mapping);
      }
      all.add(mapping);
    }
    controls.forEach(control -> all.addAll(control.mappings()));
    signals.forEach(signal -> all.addAll(signal.mappings()));
    for (Mapping mapping : all) {
      requireEntry(mapping.to());
      if (mapping.from() instanceof EntryRef from) {
        requireEntry(from);
      }
    }
    for (Signal signal : signals) {
      signal.controls().stream()
          .filter(id -> !this.controls.containsKey(id))
          .findFirst()
          .ifPresent(
              id -> {
                throw new IllegalArgumentException(
                    "Signal " + signal.id() + " tests unknown control " + id);
              });
    }
    this.mappings = new MappingIndex(all);
  }

  /**
   * Builds a catalog from loaded parts; {@link CatalogLoader} is the usual way to get one.
   *
   * @param entryMappings mappings that start from a framework entry (crosswalks, custom files);
   *     control and signal mappings come with their control or signal
   * @throws IllegalArgumentException if a framework version is given twice or a reference dangles
   */
  public static Catalog of(
      List<Framework> frameworks,
      List<Mapping> entryMappings,
      List<Control> controls,
      List<Signal> signals) {
    return new Catalog(frameworks, entryMappings, controls, signals);
  }

  /** Every framework version, in the order they were loaded. */
  public List<Framework> frameworks() {
    return List.copyOf(frameworks.values());
  }

  public Optional<Framework> findFramework(String id, String version) {
    return Optional.ofNullable(frameworks.get(id + "@" + version));
  }

  /** The highest version of a framework (versions compare part by part, numerically). */
  public Optional<Framework> findLatestFramework(String id) {
    return Optional.ofNullable(latest.get(id));
  }

  public Optional<FrameworkEntry> findEntry(EntryRef ref) {
    return findFramework(ref.frameworkId(), ref.version()).flatMap(f -> f.findEntry(ref.entryId()));
  }

  /** The direct children of an entry, in publication order. */
  public List<FrameworkEntry> children(EntryRef ref) {
    return findFramework(ref.frameworkId(), ref.version())
        .map(f -> f.children(ref.entryId()))
        .orElse(List.of());
  }

  /** Every mapping: between entries, from controls and from signals. */
  public List<Mapping> mappings() {
    return mappings.all();
  }

  /** The mappings that start from an entry, a control or a signal. */
  public List<Mapping> mappingsFrom(MappingEnd from) {
    return mappings.from(from);
  }

  /** The mappings that end at an entry (from other entries, controls and signals). */
  public List<Mapping> mappingsTo(EntryRef to) {
    return mappings.to(to);
  }

  public List<Control> controls() {
    return List.copyOf(controls.values());
  }

  public Optional<Control> findControl(ControlId id) {
    return Optional.ofNullable(controls.get(id));
  }

  public List<Signal> signals() {
    return List.copyOf(signals.values());
  }

  public Optional<Signal> findSignal(SignalId id) {
    return Optional.ofNullable(signals.get(id));
  }

  /**
   * Resolves an identifier in one framework: {@code frameworkId} is an id (its latest version is
   * searched) or {@code id@version}.
   *
   * @throws UnknownFrameworkException if there is no such framework
   * @throws UnknownEntryException naming the closest entries if nothing matches
   */
  public Resolution resolve(String frameworkId, String identifier) {
    return CatalogSearch.framework(this, frameworkId).resolve(identifier);
  }

  /**
   * Resolves an identifier without knowing its framework (the search box): a full {@code
   * FRAMEWORK@VERSION:ENTRY}, {@code FRAMEWORK:IDENTIFIER}, or a bare identifier looked up in the
   * latest version of every framework. The best match wins: exact before variant before alias, then
   * by confidence.
   *
   * @throws UnknownEntryException naming the closest entries if nothing matches
   * @throws AmbiguousIdentifierException if equally good matches come from different frameworks
   */
  public Resolution resolve(String identifier) {
    return CatalogSearch.best(this, identifier);
  }

  /** Every match of an identifier over the latest framework versions, best first; may be empty. */
  public List<Resolution> search(String identifier) {
    return CatalogSearch.all(this, identifier);
  }

  Collection<Framework> latestFrameworks() {
    return latest.values();
  }

  List<String> frameworkKeys() {
    return List.copyOf(frameworks.keySet());
  }

  private void requireEntry(EntryRef ref) {
    if (findEntry(ref).isEmpty()) {
      throw new IllegalArgumentException("Mapping end " + ref + " is not in the catalog");
    }
  }

  private static <K, V> Map<K, V> byId(List<V> values, Function<V, K> id) {
    Map<K, V> map = new LinkedHashMap<>();
    for (V value : Objects.requireNonNull(values)) {
      if (map.put(id.apply(value), value) != null) {
        throw new IllegalArgumentException("Duplicate id " + id.apply(value));
      }
    }
    return map;
  }
}
