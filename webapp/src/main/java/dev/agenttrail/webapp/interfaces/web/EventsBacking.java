package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.domain.event.EventType;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEventQueries;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * {@code events.xhtml}: the ledger, newest first, a page at a time by sequence number (never a
 * count or an offset over the event table), filtered by agent, source, type, task and period; one
 * event's stored JSON with its ledger position and hash.
 */
@Named
@ViewScoped
public class EventsBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE = 50;

  @Inject
  JdbcEventQueries queries;

  /** One row of the table: what the ledger says, plus the fields worth a column. */
  public record Row(long seq, String source, String id, String type, String agent, String task, String tool, String outcome,
      String occurredAt, String hash, String json) implements Serializable {}

  private String agent;
  private String source;
  private String type;
  private String task;
  private String from;
  private String to;
  private List<Row> rows = List.of();
  private final Deque<Long> previous = new ArrayDeque<>();
  private Long before;
  private boolean more;
  private Row selected;

  /** The view action and the filter button: the newest page that matches. */
  public void search() {
    previous.clear();
    before = null;
    read();
  }

  public void older() {
    if (more && !rows.isEmpty()) {
      previous.push(before == null ? Long.MAX_VALUE : before);
      before = rows.get(rows.size() - 1).seq();
      read();
    }
  }

  public void newer() {
    if (!previous.isEmpty()) {
      long back = previous.pop();
      before = back == Long.MAX_VALUE ? null : back;
      read();
    }
  }

  private void read() {
    selected = null;
    Instant f = instant(from, "events.from");
    Instant t = instant(to, "events.to");
    List<JdbcEventQueries.StoredEvent> page = queries.find(new JdbcEventQueries.Filter(blank(agent), blank(source), blank(type),
        blank(task), f, t, before), PAGE + 1);
    more = page.size() > PAGE;
    rows = page.stream().limit(PAGE).map(EventsBacking::row).toList();
  }

  static Row row(JdbcEventQueries.StoredEvent e) {
    JsonObject o;
    try (var reader = JsonSupport.PROVIDER.createReader(new StringReader(e.payload()))) {
      o = reader.readObject();
    }
    JsonObject agent = o.getJsonObject("agent");
    JsonObject action = o.get("action") instanceof JsonObject a ? a : null;
    JsonObject decision = o.get("decision") instanceof JsonObject d ? d : null;
    return new Row(e.seq(), o.getString("source", ""), o.getString("id"), o.getString("type"), agent.getString("id"),
        agent.getString("task", ""), action == null ? "" : action.getString("tool", ""),
        decision == null ? "" : decision.getString("outcome", ""), o.getString("occurredAt"), e.hash(),
        IncidentDetailBacking.pretty(o));
  }

  private Instant instant(String text, String label) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
          Texts.forView().format("events.badTime", Texts.forView().format(label)), null));
      return null;
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public List<String> getTypes() {
    return Arrays.stream(EventType.values()).map(EventType::wireName).toList();
  }

  public List<Row> getRows() {
    return rows;
  }

  public boolean isMore() {
    return more;
  }

  public boolean isNewerAvailable() {
    return !previous.isEmpty();
  }

  public Row getSelected() {
    return selected;
  }

  public void setSelected(Row selected) {
    this.selected = selected;
  }

  public void select(Row row) {
    selected = row;
  }

  public String getAgent() {
    return agent;
  }

  public void setAgent(String agent) {
    this.agent = agent;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getTask() {
    return task;
  }

  public void setTask(String task) {
    this.task = task;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
