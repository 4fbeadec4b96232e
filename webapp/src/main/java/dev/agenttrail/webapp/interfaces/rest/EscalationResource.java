package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.escalation.CaseState;
import dev.agenttrail.domain.escalation.Decider;
import dev.agenttrail.domain.escalation.EscalationCase;
import dev.agenttrail.domain.event.Violation;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.application.EscalationService;
import dev.agenttrail.webapp.application.NotFoundException;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEscalationCases;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEscalationFigures;
import dev.agenttrail.webapp.infrastructure.security.Caller;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/escalations}: escalation cases. People read them; an enforcement point reads the
 * cases of its own source with its ingest key (it polls and acts only on {@code approved});
 * approvers decide.
 */
@Path("escalations")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationResource {

  @Inject
  EscalationService escalations;

  @Inject
  JdbcEscalationFigures figures;

  @Inject
  Clock clock;

  @GET
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR", "INGEST"})
  public String list(@QueryParam("state") String state, @QueryParam("agent") String agent, @QueryParam("source") String source,
      @QueryParam("approvalId") String approvalId, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
      @Context SecurityContext security) {
    QueryParams params = new QueryParams();
    int max = params.limit(limit, 50, 500);
    CaseState wanted = null;
    if (state != null && !state.isBlank()) {
      try {
        wanted = CaseState.fromWire(state.trim());
      } catch (IllegalArgumentException e) {
        throw new Problem(ProblemType.INVALID_REQUEST, "Some query parameters are invalid.", List.of(new Violation(0, "/state",
            "must be one of open, acknowledged, escalated, approved, rejected, expired, closed")));
      }
    }
    params.throwIfInvalid();
    String scope = sourceScope(security, source);
    JsonArrayBuilder items = JsonSupport.PROVIDER.createArrayBuilder();
    if (approvalId != null && !approvalId.isBlank()) {
      if (scope == null) {
        throw new Problem(ProblemType.INVALID_REQUEST, "'approvalId' is unique per source: give 'source' with it.",
            List.of(new Violation(0, "/source", "is required with approvalId")));
      }
      escalations.byApproval(scope, approvalId).ifPresent(c -> items.add(describe(c, false)));
      return JsonSupport.PROVIDER.createObjectBuilder().add("items", items).build().toString();
    }
    JdbcEscalationCases.Page page = escalations.list(wanted, blankToNull(agent), scope, blankToNull(cursor), max);
    page.items().forEach(c -> items.add(describe(c, false)));
    JsonObjectBuilder out = JsonSupport.PROVIDER.createObjectBuilder().add("items", items);
    if (page.nextCursor() != null) {
      out.add("next", page.nextCursor());
    }
    return out.build().toString();
  }

  @GET
  @Path("figures")
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public String figures(@QueryParam("from") String from, @QueryParam("to") String to) {
    QueryParams params = new QueryParams();
    Instant start = params.instant("from", from);
    Instant end = params.instant("to", to);
    params.throwIfInvalid();
    end = end == null ? clock.instant() : end;
    start = start == null ? end.minus(Duration.ofDays(30)) : start;
    return EscalationJsonWriter.figures(figures.figures(start, end)).toString();
  }

  @GET
  @Path("{id}")
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR", "INGEST"})
  public String get(@PathParam("id") String id, @Context SecurityContext security) {
    return describe(visible(id, security), true).toString();
  }

  /** {@code {"decision": "approve|reject", "reason": "..."}} as an approver of the case's current level. */
  @POST
  @Path("{id}/decision")
  @Allow("APPROVER")
  @Consumes(MediaType.APPLICATION_JSON)
  public String decide(@PathParam("id") String id, String body, @Context SecurityContext security) {
    JsonObject request = JsonBodies.object(body);
    String decision = JsonBodies.text(request, "decision");
    if (!"approve".equals(decision) && !"reject".equals(decision)) {
      throw SourceResource.invalid("/decision", "'decision' is required: approve or reject");
    }
    String reason = JsonBodies.text(request, "reason");
    if (reason == null || reason.isBlank() || reason.length() > 2048) {
      throw SourceResource.invalid("/reason", "'reason' is required: why you decide so, at most 2048 characters");
    }
    EscalationCase c = escalations.decide(id, decider(security), "approve".equals(decision), reason.strip());
    return describe(escalations.get(c.id()), true).toString();
  }

  /** Says that an approver of the current level is looking at the case; the deadline stays. */
  @POST
  @Path("{id}/acknowledge")
  @Allow("APPROVER")
  public String acknowledge(@PathParam("id") String id, @Context SecurityContext security) {
    escalations.acknowledge(id, decider(security));
    return describe(escalations.get(id), true).toString();
  }

  /** Closes a case: withdraws a pending request, or files a decided one. An approval stays an approval. */
  @POST
  @Path("{id}/close")
  @Allow("ADMIN")
  public String close(@PathParam("id") String id, String body, @Context SecurityContext security) {
    String reason = body == null || body.isBlank() ? null : JsonBodies.text(JsonBodies.object(body), "reason");
    escalations.close(id, security.getUserPrincipal().getName(), reason);
    return describe(escalations.get(id), true).toString();
  }

  private EscalationCase visible(String id, SecurityContext security) {
    EscalationCase c = escalations.get(id);
    Caller caller = (Caller) security.getUserPrincipal();
    if (caller.kind() == Caller.Kind.SOURCE && !c.request().source().equals(caller.name())) {
      throw new NotFoundException("no escalation case '" + id + "'");
    }
    return c;
  }

  /** The source a caller may list: an ingest key sees its own source only. */
  private static String sourceScope(SecurityContext security, String source) {
    Caller caller = (Caller) security.getUserPrincipal();
    if (caller.kind() == Caller.Kind.SOURCE) {
      if (source != null && !source.isBlank() && !source.equals(caller.name())) {
        throw new Problem(ProblemType.FORBIDDEN, "An ingest key sees the cases of its own source only.");
      }
      return caller.name();
    }
    return blankToNull(source);
  }

  private static Decider decider(SecurityContext security) {
    Caller caller = (Caller) security.getUserPrincipal();
    return new Decider(caller.name(), caller.roles());
  }

  private JsonObject describe(EscalationCase c, boolean withHistory) {
    return EscalationJsonWriter.escalation(c, withHistory ? Optional.of(escalations.history(c.id())) : Optional.empty());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
