package dev.agenttrail.catalog.internal;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogProblem;
import dev.agenttrail.catalog.api.CatalogValidationException;
import dev.agenttrail.catalog.api.Control;
import dev.agenttrail.catalog.api.ControlId;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.Mapping;
import dev.agenttrail.catalog.api.MappingEnd;
import dev.agenttrail.catalog.api.Signal;
import dev.agenttrail.catalog.api.SignalId;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a catalog from catalog files on top of an existing one: reads each file ({@link
 * DocumentReader}), then adds the new framework versions, resolves every mapping end against all
 * frameworks, and checks control and signal ids. Every problem of every file is collected; a
 * catalog is only built when there are none.
 */
final class CatalogAssembler {

  private final Catalog base;
  private final DocumentReader reader;
  private final List<Problems> files = new ArrayList<>();
  private final Set<String> mappingKeys = new HashSet<>();

  CatalogAssembler(Catalog base, JsonProvider provider, boolean frameworksOnly) {
    this.base = base;
    this.reader = new DocumentReader(provider, frameworksOnly);
  }

  void add(String file, String content) {
    Problems problems = new Problems(file);
    files.add(problems);
    reader.read(content, problems);
  }

  void add(Problems problems) {
    files.add(problems);
  }

  /** Every problem found, or none if the files can be added to the base catalog. */
  List<CatalogProblem> check() {
    try {
      assemble();
      return List.of();
    } catch (CatalogValidationException e) {
      return e.problems();
    }
  }

  Catalog assemble() {
    List<Framework> frameworks = new ArrayList<>(base.frameworks());
    Set<String> keys = frameworks.stream().map(f -> f.info().key()).collect(Collectors.toSet());
    for (FrameworkFileReader.Parsed parsed : reader.frameworks()) {
      parsed
          .framework()
          .ifPresent(
              framework -> {
                if (keys.add(framework.info().key())) {
                  frameworks.add(framework);
                } else {
                  parsed
                      .header()
                      .problem(
                          "version",
                          "framework "
                              + framework.id()
                              + " version "
                              + framework.version()
                              + " is already in the catalog; a new version needs a new 'version'"
                              + " (versions are never edited in place)");
                }
              });
    }
    RefResolver refs = new RefResolver(Catalog.of(frameworks, List.of(), List.of(), List.of()));
    List<Mapping> entryMappings =
        base.mappings().stream()
            .filter(m -> m.from() instanceof EntryRef)
            .collect(Collectors.toList());
    for (MappingDraft draft : reader.mappings()) {
      Optional<EntryRef> from =
          refs.resolve(draft.from().orElseThrow(), draft.context(), draft.node(), "from");
      resolve(draft, from.map(MappingEnd.class::cast), refs).ifPresent(entryMappings::add);
    }
    Map<ControlId, Control> controls = controls(refs);
    List<Signal> signals = signals(refs, controls);
    List<CatalogProblem> problems =
        files.stream().flatMap(f -> f.list().stream()).collect(Collectors.toList());
    if (!problems.isEmpty()) {
      throw new CatalogValidationException(problems);
    }
    return Catalog.of(frameworks, entryMappings, List.copyOf(controls.values()), signals);
  }

  private Map<ControlId, Control> controls(RefResolver refs) {
    Map<ControlId, Control> controls = new LinkedHashMap<>();
    base.controls().forEach(control -> controls.put(control.id(), control));
    for (LibraryReader.ControlDraft draft : reader.controls()) {
      List<Mapping> mappings = new ArrayList<>();
      draft
          .mappings()
          .forEach(m -> resolve(m, Optional.of(draft.id()), refs).ifPresent(mappings::add));
      Control control = new Control(draft.id(), draft.name(), draft.description(), mappings);
      if (controls.putIfAbsent(draft.id(), control) != null) {
        draft.node().problem("id", "duplicate control id '" + draft.id() + "'");
      }
    }
    return controls;
  }

  private List<Signal> signals(RefResolver refs, Map<ControlId, Control> controls) {
    Map<SignalId, Signal> signals = new LinkedHashMap<>();
    base.signals().forEach(signal -> signals.put(signal.id(), signal));
    for (LibraryReader.SignalDraft draft : reader.signals()) {
      List<ControlId> tested = new ArrayList<>();
      for (int i = 0; i < draft.controls().size(); i++) {
        String id = draft.controls().get(i);
        Optional<ControlId> known =
            controls.keySet().stream().filter(c -> c.value().equals(id)).findFirst();
        if (known.isPresent()) {
          tested.add(known.get());
        } else {
          draft
              .node()
              .problems()
              .add(
                  draft.node().pointer("controls") + "/" + i,
                  "signal "
                      + draft.id()
                      + " tests unknown control '"
                      + id
                      + "'; known: "
                      + controls.keySet().stream()
                          .map(ControlId::value)
                          .collect(Collectors.joining(", ")));
        }
      }
      List<Mapping> mappings = new ArrayList<>();
      draft
          .mappings()
          .forEach(m -> resolve(m, Optional.of(draft.id()), refs).ifPresent(mappings::add));
      Signal signal = new Signal(draft.id(), draft.name(), draft.description(), tested, mappings);
      if (signals.putIfAbsent(draft.id(), signal) != null) {
        draft.node().problem("id", "duplicate signal id '" + draft.id() + "'");
      }
    }
    return List.copyOf(signals.values());
  }

  private Optional<Mapping> resolve(
      MappingDraft draft, Optional<MappingEnd> from, RefResolver refs) {
    Optional<EntryRef> to = refs.resolve(draft.to(), draft.context(), draft.node(), "to");
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    Mapping mapping =
        new Mapping(from.get(), to.get(), draft.provenance(), draft.rationale(), draft.source());
    if (!mappingKeys.add(key(from.get(), to.get(), mapping))) {
      draft
          .node()
          .problem(
              "duplicate mapping "
                  + from.get().asString()
                  + " -> "
                  + to.get()
                  + " ("
                  + draft.provenance().jsonName()
                  + ")");
      return Optional.empty();
    }
    return Optional.of(mapping);
  }

  private static String key(MappingEnd from, EntryRef to, Mapping mapping) {
    return from.asString() + " -> " + to.asString() + " " + mapping.provenance();
  }
}
