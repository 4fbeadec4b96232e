package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.domain.coverage.CoverageState;
import dev.agenttrail.domain.coverage.EntryCoverage;
import dev.agenttrail.domain.coverage.FrameworkCoverage;
import dev.agenttrail.webapp.application.CoverageService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code coverage.xhtml}: a heatmap of every framework entry, evidenced, failing or not evidenced
 * over the chosen number of days; a failing cell opens its incidents, the others the catalog entry.
 */
@Named
@ViewScoped
public class CoverageBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  CoverageService coverage;

  /** One cell of the heatmap. */
  public record Cell(String framework, String version, String entry, String label, String state, String why, String link)
      implements Serializable {}

  /** One framework's row: its counts and its cells. */
  public record Row(String key, String title, long evidenced, long failing, long notEvidenced, List<Cell> cells)
      implements Serializable {}

  private int days = 30;
  private List<Row> rows = List.of();

  /** The view action and the period selector. */
  public void load() {
    if (days != 7 && days != 30 && days != 90) {
      days = 30;
    }
    rows = coverage.lastDays(days).stream().map(CoverageBacking::row).toList();
  }

  static Row row(FrameworkCoverage f) {
    return new Row(f.key(), f.title(), f.count(CoverageState.EVIDENCED), f.count(CoverageState.FAILING),
        f.count(CoverageState.NOT_EVIDENCED), f.entries().stream().map(e -> cell(f, e)).toList());
  }

  static Cell cell(FrameworkCoverage f, EntryCoverage e) {
    String state = e.state().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String why = switch (e.state()) {
      case FAILING -> failing(e.failingIncidents());
      case EVIDENCED -> "Evidenced by " + e.evidencingControls().stream().map(c -> c.value() + " (" + e.controlEvidence().get(c)
          + " events)").collect(Collectors.joining(", "));
      default -> e.controlEvidence().isEmpty() ? "Not evidenced: no runtime control maps here"
          : "Not evidenced: no events for " + String.join(", ", e.controlEvidence().keySet().stream().map(c -> c.value()).sorted().toList());
    };
    String entry = e.entry().entryId();
    String link = e.state() == CoverageState.FAILING
        ? "incidents.xhtml?status=&framework=" + enc(f.frameworkId()) + "&entry=" + enc(entry)
        : "catalog.xhtml?entry=" + enc(f.key() + ":" + entry);
    return new Cell(f.frameworkId(), f.version(), entry, e.label(), state, e.label() + " - " + why, link);
  }

  /** The figures of a framework without its cells, for the overview. */
  static Row summary(FrameworkCoverage f) {
    return new Row(f.key(), f.title(), f.count(CoverageState.EVIDENCED), f.count(CoverageState.FAILING),
        f.count(CoverageState.NOT_EVIDENCED), List.of());
  }

  /**
   * A failing cell's title: the newest {@link #NAMED} incidents and how many there are in all (with
   * thousands of active incidents, naming every one made the page megabytes long).
   */
  static String failing(List<Long> ids) {
    int n = ids.size();
    String newest = java.util.stream.IntStream.range(0, Math.min(NAMED, n)).mapToObj(i -> String.valueOf(ids.get(n - 1 - i)))
        .collect(Collectors.joining(", "));
    return "Failing: incidents " + newest + (n > NAMED ? " and " + (n - NAMED) + " more, " + n + " in all" : "");
  }

  static final int NAMED = 10;

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }

  public List<Row> getRows() {
    return rows;
  }
}
