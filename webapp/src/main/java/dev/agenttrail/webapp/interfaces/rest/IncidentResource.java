package dev.agenttrail.webapp.interfaces.rest;

import static dev.agenttrail.domain.shared.JsonSupport.PROVIDER;

import dev.agenttrail.domain.incident.IncidentStatus;
import dev.agenttrail.domain.incident.LifecycleAction;
import dev.agenttrail.domain.signal.Severity;
import dev.agenttrail.webapp.application.IncidentService;
import dev.agenttrail.webapp.application.NotFoundException;
import dev.agenttrail.webapp.infrastructure.detection.JdbcIncidents;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code /api/v1/incidents}: what detection opened, filtered and paged, and its lifecycle. */
@Path("incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

  private static final int EVIDENCE_SHOWN = 1000;
  private static final int EVIDENCE_LISTED = 100;

  @Inject
  JdbcIncidents incidents;

  @Inject
  IncidentService service;

  @GET
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public String list(@QueryParam("status") String status, @QueryParam("severity") String severity,
      @QueryParam("signal") String signal, @QueryParam("framework") String framework, @QueryParam("entry") String entry,
      @QueryParam("agent") String agent, @QueryParam("source") String source, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    QueryParams q = new QueryParams();
    int size = q.limit(limit, 100, 1000);
    String sev = q.oneOf("severity", severity == null ? null : severity.toLowerCase(Locale.ROOT),
        Arrays.stream(Severity.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
    JdbcIncidents.Filter filter = new JdbcIncidents.Filter(
        q.oneOf("status", status, Arrays.stream(IncidentStatus.values()).map(IncidentStatus::wireName).toList()),
        sev == null ? null : sev.toUpperCase(Locale.ROOT), blank(signal), blank(framework), blank(entry), blank(agent),
        blank(source), q.instant("from", from), q.instant("to", to), q.idCursor(cursor));
    q.throwIfInvalid();
    List<JdbcIncidents.Incident> page = incidents.find(filter, size + 1);
    JsonArrayBuilder items = PROVIDER.createArrayBuilder();
    page.stream().limit(size).forEach(i -> items.add(summary(i).add("mappings", mappings(i.id()))
        .add("evidence", evidence(i.id(), EVIDENCE_LISTED))));
    JsonObjectBuilder body = PROVIDER.createObjectBuilder().add("items", items);
    if (page.size() > size) {
      body.add("next", QueryParams.cursorForId(page.get(size - 1).id()));
    }
    return body.build().toString();
  }

  @GET
  @Path("{id}")
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public String get(@PathParam("id") String id) {
    return detail(find(id)).toString();
  }

  /**
   * A lifecycle action: {@code acknowledge}, {@code resolve}, {@code false-positive} (reason
   * required), {@code accept-risk} (reason and {@code expiresAt} required), {@code reopen} (reason
   * required). Body: {@code {"reason": "...", "expiresAt": "..."}}, or none.
   */
  @POST
  @Path("{id}/{action}")
  @Consumes(MediaType.WILDCARD)
  @Allow({"ADMIN", "ANALYST"})
  public String act(@PathParam("id") String id, @PathParam("action") String action, String body,
      @Context SecurityContext security) {
    JdbcIncidents.Incident incident = find(id);
    LifecycleAction a = LifecycleAction.of(action).orElseThrow(() -> new NotFoundException("There is no action '" + action
        + "'; the actions are " + String.join(", ", Arrays.stream(LifecycleAction.values()).map(LifecycleAction::wireName).toList())
        + "."));
    JsonObject request = body == null || body.isBlank() ? PROVIDER.createObjectBuilder().build() : JsonBodies.object(body);
    String reason = JsonBodies.text(request, "reason");
    Instant expiresAt = null;
    String expires = JsonBodies.text(request, "expiresAt");
    if (expires != null) {
      QueryParams q = new QueryParams();
      expiresAt = q.instant("expiresAt", expires);
      q.throwIfInvalid();
    }
    service.apply(incident.id(), a, reason, expiresAt, security.getUserPrincipal().getName());
    return detail(incidents.get(incident.id()).orElseThrow()).toString();
  }

  private JdbcIncidents.Incident find(String id) {
    try {
      return incidents.get(Long.parseLong(id)).orElseThrow(() -> new NotFoundException("There is no incident " + id + "."));
    } catch (NumberFormatException e) {
      throw new NotFoundException("There is no incident '" + id + "'; incident ids are numbers.");
    }
  }

  private JsonObject detail(JdbcIncidents.Incident i) {
    JsonArrayBuilder evidence = evidence(i.id(), EVIDENCE_SHOWN);
    JsonArrayBuilder history = PROVIDER.createArrayBuilder();
    incidents.transitions(i.id()).forEach(t -> {
      JsonObjectBuilder b = PROVIDER.createObjectBuilder().add("at", t.at().toString()).add("actor", t.actor()).add("to", t.to());
      add(b, "from", t.from());
      add(b, "reason", t.reason());
      add(b, "expiresAt", t.expiresAt());
      history.add(b);
    });
    return summary(i).add("mappings", mappings(i.id())).add("evidence", evidence).add("history", history).build();
  }

  /** The first {@code limit} evidence refs in ledger order ({@code evidenceCount} says how many in all). */
  private JsonArrayBuilder evidence(long id, int limit) {
    JsonArrayBuilder evidence = PROVIDER.createArrayBuilder();
    incidents.evidence(id, limit).forEach(e -> evidence.add(PROVIDER.createObjectBuilder().add("seq", e.seq())
        .add("source", e.source()).add("id", e.eventId()).add("type", e.type()).add("occurredAt", e.occurredAt().toString())));
    return evidence;
  }

  private JsonArrayBuilder mappings(long id) {
    JsonArrayBuilder out = PROVIDER.createArrayBuilder();
    incidents.mappings(id).forEach(m -> {
      JsonObjectBuilder b = PROVIDER.createObjectBuilder().add("framework", m.framework()).add("version", m.frameworkVersion())
          .add("entry", m.entry()).add("provenance", m.provenance());
      add(b, "rationale", m.rationale());
      out.add(b);
    });
    return out;
  }

  static JsonObjectBuilder summary(JdbcIncidents.Incident i) {
    JsonObjectBuilder b = PROVIDER.createObjectBuilder().add("id", i.id()).add("signal", i.signal())
        .add("severity", i.severity().toLowerCase(Locale.ROOT)).add("status", i.status());
    JsonObjectBuilder agent = PROVIDER.createObjectBuilder();
    if (i.agentId() != null) {
      agent.add("id", i.agentId());
    }
    add(agent, "task", i.task());
    b.add("agent", agent);
    add(b, "source", i.source());
    b.add("explanation", i.explanation());
    add(b, "blockCause", i.blockCause());
    b.add("openedAt", i.openedAt().toString()).add("updatedAt", i.updatedAt().toString())
        .add("firstSeen", i.firstSeen().toString()).add("lastSeen", i.lastSeen().toString()).add("evidenceCount", i.evidenceCount())
        .add("catalogVersions", i.catalogVersion());
    add(b, "acceptedUntil", i.acceptedUntil());
    return b;
  }

  private static void add(JsonObjectBuilder b, String name, Object value) {
    if (value != null) {
      b.add(name, value.toString());
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
