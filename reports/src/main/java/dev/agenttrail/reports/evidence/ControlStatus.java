package dev.agenttrail.reports.evidence;

import dev.agenttrail.domain.coverage.CoverageState;
import java.util.List;

/** The status of one runtime control in the period: its evidence and the active incidents against it. */
public record ControlStatus(
    String id, String name, long evidenceEvents, List<Long> failingIncidents, CoverageState state) {

  public ControlStatus {
    failingIncidents = List.copyOf(failingIncidents);
  }
}
