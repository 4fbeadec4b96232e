package dev.agenttrail.webapp.application;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.domain.coverage.CoverageEvaluator;
import dev.agenttrail.domain.coverage.FrameworkCoverage;
import dev.agenttrail.reports.evidence.PackScope;
import dev.agenttrail.webapp.infrastructure.detection.JdbcIncidents;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidenceSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Coverage now, for the dashboard: every entry of the latest version of each framework, evidenced,
 * failing or not evidenced over the last days. It reads the per-day control evidence and the active
 * incidents, never the event table, and computes with the same {@link CoverageEvaluator} as the
 * evidence packs.
 */
@ApplicationScoped
public class CoverageService {

  @Inject
  CatalogService catalogs;

  @Inject
  JdbcEvidenceSource evidence;

  @Inject
  JdbcIncidents incidents;

  @Inject
  Clock clock;

  public List<FrameworkCoverage> lastDays(int days) {
    Instant to = clock.instant();
    Instant from = to.minus(Duration.ofDays(days));
    Catalog catalog = catalogs.current().catalog();
    List<Framework> latest = catalog.frameworks().stream().map(f -> f.info().id()).distinct()
        .map(id -> catalog.findLatestFramework(id).orElseThrow()).toList();
    return new CoverageEvaluator(catalog).evaluate(latest,
        evidence.controlEvidence(new PackScope(from, to, List.of(), List.of())), incidents.activeFacts(from));
  }
}
