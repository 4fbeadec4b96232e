package dev.agenttrail.domain.coverage;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.Control;
import dev.agenttrail.catalog.api.ControlId;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.FrameworkEntry;
import dev.agenttrail.catalog.api.Mapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes per-entry coverage from the catalog, the evidence each control has in the period (from
 * {@code control_evidence}) and the period's incidents.
 *
 * <ul>
 *   <li>FAILING: an active (open or acknowledged) incident maps to the entry, directly (its stored
 *       mappings) or through a control its signal tests (that control's mappings);
 *   <li>EVIDENCED: otherwise, a control mapped to the entry has at least one evidencing event;
 *   <li>NOT_EVIDENCED: otherwise.
 * </ul>
 */
public final class CoverageEvaluator {

  private final Catalog catalog;

  public CoverageEvaluator(Catalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /**
   * @param frameworks the framework versions to report, in the order wanted
   * @param evidence events that show each control working in the period and scope; absent means 0
   * @param incidents the period's incidents in scope, in any status
   */
  public List<FrameworkCoverage> evaluate(
      Collection<Framework> frameworks, Map<ControlId, Long> evidence, Collection<IncidentFacts> incidents) {
    Map<EntryRef, TreeMap<ControlId, Long>> controlsByEntry = new LinkedHashMap<>();
    Map<ControlId, List<EntryRef>> entriesByControl = new LinkedHashMap<>();
    for (Control control : catalog.controls()) {
      for (Mapping m : control.mappings()) {
        controlsByEntry
            .computeIfAbsent(m.to(), k -> new TreeMap<>((a, b) -> a.value().compareTo(b.value())))
            .put(control.id(), evidence.getOrDefault(control.id(), 0L));
        entriesByControl.computeIfAbsent(control.id(), k -> new ArrayList<>()).add(m.to());
      }
    }
    Map<EntryRef, TreeSet<Long>> failing = new LinkedHashMap<>();
    for (IncidentFacts incident : incidents) {
      if (!incident.active()) {
        continue;
      }
      List<EntryRef> hit = new ArrayList<>(incident.mappings());
      catalog.findSignal(incident.signal()).ifPresent(signal -> signal.controls()
          .forEach(c -> hit.addAll(entriesByControl.getOrDefault(c, List.of()))));
      for (EntryRef ref : hit) {
        failing.computeIfAbsent(ref, k -> new TreeSet<>()).add(incident.id());
      }
    }
    List<FrameworkCoverage> out = new ArrayList<>();
    for (Framework framework : frameworks) {
      List<EntryCoverage> entries = new ArrayList<>();
      for (FrameworkEntry entry : framework.entries()) {
        Map<ControlId, Long> controls = controlsByEntry.getOrDefault(entry.ref(), new TreeMap<>());
        List<Long> failures = List.copyOf(failing.getOrDefault(entry.ref(), new TreeSet<>()));
        CoverageState state;
        if (!failures.isEmpty()) {
          state = CoverageState.FAILING;
        } else if (controls.values().stream().anyMatch(n -> n > 0)) {
          state = CoverageState.EVIDENCED;
        } else {
          state = CoverageState.NOT_EVIDENCED;
        }
        entries.add(new EntryCoverage(entry.ref(), entry.label(), state, controls, failures));
      }
      out.add(new FrameworkCoverage(
          framework.info().id(), framework.info().version(), framework.info().title(), entries));
    }
    return out;
  }
}
