package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.domain.incident.LifecycleAction;
import dev.agenttrail.webapp.application.ConflictException;
import dev.agenttrail.webapp.application.IncidentService;
import dev.agenttrail.webapp.application.InvalidRequestException;
import dev.agenttrail.webapp.application.NotFoundException;
import dev.agenttrail.webapp.infrastructure.detection.ActionTraces;
import dev.agenttrail.webapp.infrastructure.detection.JdbcIncidents;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code incident.xhtml?id=}: one incident with its explanation, mappings, evidence (each with its
 * trace), history, and the lifecycle actions for administrators and analysts, checked again here.
 */
@Named
@ViewScoped
public class IncidentDetailBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  JdbcIncidents incidents;

  @Inject
  IncidentService service;

  @Inject
  ActionTraces traces;

  @Inject
  SecurityContext security;

  @Inject
  CallerRoles callerRoles;

  private String id;
  private JdbcIncidents.Incident incident;
  private List<JdbcIncidents.MappingRow> mappings = List.of();
  private List<JdbcIncidents.Evidence> evidence = List.of();
  private List<JdbcIncidents.Transition> history = List.of();
  private String action;
  private String reason;
  private String expiresAt;
  private String trace;
  private String traceOf;

  /** The view action: reads the incident named by {@code ?id=}. */
  public void load() {
    incident = null;
    try {
      incidents.get(Long.parseLong(id == null ? "" : id.trim())).ifPresent(i -> {
        incident = i;
        mappings = incidents.mappings(i.id());
        evidence = incidents.evidence(i.id(), 200);
        history = incidents.transitions(i.id());
      });
    } catch (NumberFormatException e) {
      // shown as "no such incident"
    }
  }

  public boolean isMayAct() {
    return callerRoles.any("ADMIN", "ANALYST");
  }

  /** The actions allowed from the incident's status. */
  public List<String> getActions() {
    if (incident == null) {
      return List.of();
    }
    return Arrays.stream(LifecycleAction.values()).filter(a -> {
      try {
        a.apply(dev.agenttrail.domain.incident.IncidentStatus.of(incident.status()).orElseThrow(), "x",
            a == LifecycleAction.ACCEPT_RISK ? Instant.MAX : null, Instant.now());
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }).map(LifecycleAction::wireName).toList();
  }

  public void act() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!isMayAct()) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.forView().format("incident.act.forbidden"), null));
      return;
    }
    Instant expiry = null;
    if (expiresAt != null && !expiresAt.isBlank()) {
      try {
        expiry = Instant.parse(expiresAt.trim());
      } catch (DateTimeParseException e) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.forView().format("incident.act.expiry"), null));
        return;
      }
    }
    try {
      LifecycleAction a = LifecycleAction.of(action).orElseThrow(() -> new InvalidRequestException("/action",
          Texts.forView().format("incident.act.choose")));
      service.apply(incident.id(), a, reason, expiry, security.getCallerPrincipal().getName());
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.forView().format("incident.act.done"), null));
      reason = null;
      expiresAt = null;
      action = null;
    } catch (InvalidRequestException | ConflictException | NotFoundException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    load();
  }

  /** Shows the trace of one evidence event. */
  public void showTrace(String source, String eventId) {
    traceOf = source + " / " + eventId;
    trace = traces.trace(source, eventId).map(IncidentDetailBacking::pretty).orElse(null);
  }

  static String pretty(JsonObject json) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (var writer = dev.agenttrail.domain.shared.JsonSupport.PROVIDER
        .createWriterFactory(java.util.Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      writer.write(json);
    }
    return out.toString().trim();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public JdbcIncidents.Incident getIncident() {
    return incident;
  }

  public List<JdbcIncidents.MappingRow> getMappings() {
    return mappings;
  }

  public List<JdbcIncidents.Evidence> getEvidence() {
    return evidence;
  }

  public List<JdbcIncidents.Transition> getHistory() {
    return history;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(String expiresAt) {
    this.expiresAt = expiresAt;
  }

  public String getTrace() {
    return trace;
  }

  public String getTraceOf() {
    return traceOf;
  }
}
