package dev.agenttrail.reports.evidence;

import dev.agenttrail.domain.coverage.FrameworkCoverage;
import java.time.Instant;
import java.util.List;

/**
 * Everything a pack reports except the event lines themselves, already sorted and computed:
 * renderers only lay it out. Stamped with the generation time, AgentTrail's version and the
 * catalog versions.
 */
public record EvidencePack(
    String id,
    PackScope scope,
    Instant generatedAt,
    String agentTrailVersion,
    List<String> catalogVersions,
    EventSummary events,
    List<IncidentRecord> incidents,
    List<EscalationCase> escalations,
    boolean escalationsAvailable,
    List<FrameworkCoverage> coverage,
    List<ControlStatus> controls,
    EvidenceSource.LedgerCheck ledger) {

  public EvidencePack {
    catalogVersions = List.copyOf(catalogVersions);
    incidents = List.copyOf(incidents);
    escalations = List.copyOf(escalations);
    coverage = List.copyOf(coverage);
    controls = List.copyOf(controls);
  }
}
