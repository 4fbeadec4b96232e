package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.webapp.application.CatalogService;
import dev.agenttrail.webapp.application.OverviewService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** {@code index.xhtml}: a few figures that are cheap to read, and where to go from here. */
@Named
@ViewScoped
public class OverviewBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  OverviewService overviews;

  @Inject
  CatalogService catalogs;

  @Inject
  dev.agenttrail.webapp.infrastructure.detection.JdbcIncidents incidents;

  /** Active incidents of one severity. */
  public record SeverityCount(String severity, int count) implements Serializable {}

  @Inject
  dev.agenttrail.webapp.infrastructure.detection.DetectionRunner detection;

  @Inject
  java.time.Clock clock;

  @Inject
  dev.agenttrail.webapp.application.CoverageService coverageService;

  private List<CoverageBacking.Row> coverage = List.of();
  private String trend;
  private List<SeverityCount> bySeverity = List.of();
  private int activeIncidents;
  private List<dev.agenttrail.webapp.infrastructure.detection.JdbcIncidents.Incident> latest = List.of();

  /** One framework version of the catalog, with its number of entries. */
  public record FrameworkFigure(String key, String title, int entries) implements Serializable {}

  private OverviewService.Overview figures;
  private List<FrameworkFigure> frameworks = List.of();
  private int controls;
  private int signals;

  /** The view action: reads the figures once per view. */
  public void load() {
    figures = overviews.overview();
    Catalog catalog = catalogs.current().catalog();
    frameworks = catalog.frameworks().stream()
        .map(f -> new FrameworkFigure(f.info().key(), f.info().title(), f.entries().size())).toList();
    controls = catalog.controls().size();
    signals = catalog.signals().size();
    bySeverity = incidents.activeBySeverity().entrySet().stream()
        .map(e -> new SeverityCount(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue())).toList();
    activeIncidents = bySeverity.stream().mapToInt(SeverityCount::count).sum();
    coverage = coverageService.lastDays(30).stream().map(CoverageBacking::summary).toList();
    trend = trendChart(detection.trend(java.time.LocalDate.now(clock).minusDays(13)));
    latest = incidents.find(new dev.agenttrail.webapp.infrastructure.detection.JdbcIncidents.Filter("open", null, null, null,
        null, null, null, null, null, null), 5);
  }

  /** A Chart.js configuration: events (bars, left axis) and incidents opened (line, right axis) per day. */
  static String trendChart(java.util.Map<java.time.LocalDate, long[]> days) {
    var p = dev.agenttrail.domain.shared.JsonSupport.PROVIDER;
    var labels = p.createArrayBuilder();
    var events = p.createArrayBuilder();
    var opened = p.createArrayBuilder();
    days.forEach((day, v) -> {
      labels.add(day.toString().substring(5));
      events.add(v[0]);
      opened.add(v[1]);
    });
    return p.createObjectBuilder()
        .add("type", "bar")
        .add("data", p.createObjectBuilder().add("labels", labels).add("datasets", p.createArrayBuilder()
            .add(p.createObjectBuilder().add("type", "bar").add("label", "Events").add("data", events)
                .add("backgroundColor", "#93c5fd").add("yAxisID", "events"))
            .add(p.createObjectBuilder().add("type", "line").add("label", "Incidents opened").add("data", opened)
                .add("borderColor", "#b91c1c").add("backgroundColor", "#b91c1c").add("yAxisID", "incidents"))))
        .add("options", p.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
            .add("scales", p.createObjectBuilder()
                .add("events", p.createObjectBuilder().add("type", "linear").add("position", "left").add("beginAtZero", true))
                .add("incidents", p.createObjectBuilder().add("type", "linear").add("position", "right").add("beginAtZero", true)
                    .add("grid", p.createObjectBuilder().add("drawOnChartArea", false)))))
        .build().toString();
  }

  public List<CoverageBacking.Row> getCoverage() {
    return coverage;
  }

  public String getTrend() {
    return trend;
  }

  public List<SeverityCount> getBySeverity() {
    return bySeverity;
  }

  public int getActiveIncidents() {
    return activeIncidents;
  }

  public List<dev.agenttrail.webapp.infrastructure.detection.JdbcIncidents.Incident> getLatest() {
    return latest;
  }

  public long getEventsInLedger() {
    return figures == null ? 0 : figures.eventsInLedger();
  }

  public long getSources() {
    return figures == null ? 0 : figures.sources();
  }

  public List<FrameworkFigure> getFrameworks() {
    return frameworks;
  }

  public int getControls() {
    return controls;
  }

  public int getSignals() {
    return signals;
  }
}
