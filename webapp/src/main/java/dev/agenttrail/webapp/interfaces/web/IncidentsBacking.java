package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.domain.incident.IncidentStatus;
import dev.agenttrail.domain.signal.Severity;
import dev.agenttrail.webapp.application.CatalogService;
import dev.agenttrail.webapp.infrastructure.detection.JdbcIncidents;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * {@code incidents.xhtml}: every incident in a lazy table, a page at a time from the database,
 * filtered by status, severity, signal, framework entry and agent, sorted by the column clicked.
 */
@Named
@ViewScoped
public class IncidentsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  JdbcIncidents incidents;

  @Inject
  CatalogService catalogs;

  private String status = "open";
  private String severity;
  private String signal;
  private String framework;
  private String entry;
  private String agent;
  private List<String> signals = List.of();
  private final LazyDataModel<JdbcIncidents.Incident> model = new Model();

  @PostConstruct
  void init() {
    signals = catalogs.current().catalog().signals().stream().map(s -> s.id().value()).toList();
  }

  JdbcIncidents.Filter filter() {
    return new JdbcIncidents.Filter(blank(status), blank(severity) == null ? null : severity.toUpperCase(Locale.ROOT),
        blank(signal), blank(framework), blank(entry), blank(agent), null, null, null, null);
  }

  private final class Model extends LazyDataModel<JdbcIncidents.Incident> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return incidents.count(filter());
    }

    @Override
    public List<JdbcIncidents.Incident> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
      String field = sort == null ? "id" : sort.getField();
      boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
      return incidents.page(filter(), first, pageSize, field, ascending);
    }

    @Override
    public String getRowKey(JdbcIncidents.Incident incident) {
      return Long.toString(incident.id());
    }

    @Override
    public JdbcIncidents.Incident getRowData(String rowKey) {
      return incidents.get(Long.parseLong(rowKey)).orElse(null);
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public LazyDataModel<JdbcIncidents.Incident> getModel() {
    return model;
  }

  public List<String> getStatuses() {
    return Arrays.stream(IncidentStatus.values()).map(IncidentStatus::wireName).toList();
  }

  public List<String> getSeverities() {
    return Arrays.stream(Severity.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
  }

  public List<String> getSignals() {
    return signals;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public String getSignal() {
    return signal;
  }

  public void setSignal(String signal) {
    this.signal = signal;
  }

  public String getFramework() {
    return framework;
  }

  public void setFramework(String framework) {
    this.framework = framework;
  }

  public String getEntry() {
    return entry;
  }

  public void setEntry(String entry) {
    this.entry = entry;
  }

  public String getAgent() {
    return agent;
  }

  public void setAgent(String agent) {
    this.agent = agent;
  }
}
