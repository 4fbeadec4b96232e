package dev.agenttrail.reports.evidence;

import java.time.Instant;
import java.util.List;

/** An incident of the period with its evidence references, mappings and lifecycle history. */
public record IncidentRecord(
    long id,
    String signal,
    String severity,
    String status,
    String agentId,
    String source,
    String task,
    String explanation,
    Instant openedAt,
    Instant firstSeen,
    Instant lastSeen,
    List<Long> evidenceSeqs,
    List<MappingRow> mappings,
    List<Transition> history) {

  public IncidentRecord {
    evidenceSeqs = List.copyOf(evidenceSeqs);
    mappings = List.copyOf(mappings);
    history = List.copyOf(history);
  }

  /** A framework entry the incident maps to, with the framework version it was mapped in. */
  public record MappingRow(String framework, String version, String entry, String provenance, String rationale) {}

  /** One lifecycle transition. {@code from} is null for the opening. */
  public record Transition(Instant at, String actor, String from, String to, String reason) {}
}
