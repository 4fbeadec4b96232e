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
    latest = incidents.find(new dev.agenttrail.webapp.infrastructure.detection.JdbcIncidents.Filter("open", null, null, null,
        null, null, null, null, null, null), 5);
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
