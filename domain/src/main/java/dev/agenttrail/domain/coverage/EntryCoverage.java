package dev.agenttrail.domain.coverage;

import dev.agenttrail.catalog.api.ControlId;
import dev.agenttrail.catalog.api.EntryRef;
import java.util.List;
import java.util.Map;

/**
 * The coverage of one framework entry: its state, the controls mapped to it with the events that
 * evidence each in the period (controls without evidence are listed with 0), and the active
 * incidents that make it fail.
 */
public record EntryCoverage(
    EntryRef entry,
    String label,
    CoverageState state,
    Map<ControlId, Long> controlEvidence,
    List<Long> failingIncidents) {

  public EntryCoverage {
    controlEvidence = Map.copyOf(controlEvidence);
    failingIncidents = List.copyOf(failingIncidents);
  }

  /** The mapped controls that have events in the period, in id order. */
  public List<ControlId> evidencingControls() {
    return controlEvidence.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .map(Map.Entry::getKey)
        .sorted((a, b) -> a.value().compareTo(b.value()))
        .toList();
  }
}
