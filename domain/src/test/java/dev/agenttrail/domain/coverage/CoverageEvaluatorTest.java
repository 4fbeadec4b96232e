package dev.agenttrail.domain.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogLoader;
import dev.agenttrail.catalog.api.ControlId;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.SignalId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageEvaluatorTest {

  private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
  private static final Framework ASI = CATALOG.findLatestFramework("OWASP-ASI-2026").orElseThrow();
  private final CoverageEvaluator evaluator = new CoverageEvaluator(CATALOG);

  @Test
  void shouldReportEveryEntryNotEvidencedWhenThePeriodHasNothing() {
    FrameworkCoverage coverage = evaluator.evaluate(List.of(ASI), Map.of(), List.of()).get(0);

    assertThat(coverage.entries()).isNotEmpty().allMatch(e -> e.state() == CoverageState.NOT_EVIDENCED);
    assertThat(coverage.count(CoverageState.NOT_EVIDENCED)).isEqualTo(ASI.entries().size());
  }

  @Test
  void shouldReportAnEntryEvidencedByAMappedControlWithEvents() {
    FrameworkCoverage coverage = evaluator.evaluate(List.of(ASI), Map.of(ControlId.of("CTRL-06"), 5L), List.of()).get(0);

    EntryCoverage asi07 = entry(coverage, "ASI07");
    assertThat(asi07.state()).isEqualTo(CoverageState.EVIDENCED);
    assertThat(asi07.evidencingControls()).containsExactly(ControlId.of("CTRL-06"));
    assertThat(asi07.controlEvidence()).containsEntry(ControlId.of("CTRL-06"), 5L);
    assertThat(entry(coverage, "ASI05").state()).isEqualTo(CoverageState.NOT_EVIDENCED);
  }

  @Test
  void shouldReportFailingThroughTheControlsAnActiveIncidentsSignalTestsEvenWithEvidence() {
    IncidentFacts open = new IncidentFacts(41, SignalId.of("SHARED_CREDENTIAL"), "OPEN", List.of());

    FrameworkCoverage coverage = evaluator.evaluate(List.of(ASI), Map.of(ControlId.of("CTRL-06"), 5L), List.of(open)).get(0);

    EntryCoverage asi07 = entry(coverage, "ASI07");
    assertThat(asi07.state()).isEqualTo(CoverageState.FAILING);
    assertThat(asi07.failingIncidents()).containsExactly(41L);
  }

  @Test
  void shouldReportFailingForAnEntryTheIncidentIsMappedToDirectly() {
    IncidentFacts acknowledged = new IncidentFacts(7, SignalId.of("ENFORCEMENT_GAP"), "acknowledged",
        List.of(EntryRef.of("OWASP-ASI-2026", "2026", "ASI05")));

    FrameworkCoverage coverage = evaluator.evaluate(List.of(ASI), Map.of(), List.of(acknowledged)).get(0);

    assertThat(entry(coverage, "ASI05").state()).isEqualTo(CoverageState.FAILING);
    assertThat(entry(coverage, "ASI05").failingIncidents()).containsExactly(7L);
  }

  @Test
  void shouldNotCountResolvedIncidentsAsFailing() {
    IncidentFacts resolved = new IncidentFacts(9, SignalId.of("SHARED_CREDENTIAL"), "RESOLVED",
        List.of(EntryRef.of("OWASP-ASI-2026", "2026", "ASI07")));

    FrameworkCoverage coverage = evaluator.evaluate(List.of(ASI), Map.of(ControlId.of("CTRL-06"), 1L), List.of(resolved)).get(0);

    assertThat(entry(coverage, "ASI07").state()).isEqualTo(CoverageState.EVIDENCED);
  }

  private static EntryCoverage entry(FrameworkCoverage coverage, String id) {
    return coverage.entries().stream().filter(e -> e.entry().entryId().equals(id)).findFirst().orElseThrow();
  }
}
