package dev.agenttrail.webapp.interfaces.rest;

import static dev.agenttrail.domain.shared.JsonSupport.PROVIDER;

import dev.agenttrail.domain.signal.Classification;
import dev.agenttrail.webapp.application.NotFoundException;
import dev.agenttrail.webapp.infrastructure.detection.WorkflowDeclarations;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/workflow-declarations}: what an agent's workflow may do, for tasks that declare
 * nothing themselves. Agent ids are SPIFFE URIs full of slashes, so the key travels in the body and
 * in query parameters, not in the path.
 */
@Path("workflow-declarations")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowDeclarationResource {

  @Inject
  WorkflowDeclarations declarations;

  @Inject
  Clock clock;

  @GET
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public String list(@QueryParam("agent") String agent) {
    JsonArrayBuilder items = PROVIDER.createArrayBuilder();
    declarations.find(agent == null || agent.isBlank() ? null : agent).forEach(w -> items.add(json(w)));
    return PROVIDER.createObjectBuilder().add("items", items).build().toString();
  }

  /**
   * Creates or replaces a declaration: {@code {"agent": "spiffe://...", "workflow": "refunds",
   * "tools": ["payments.refund"], "dataScopes": ["crm.*"], "maxClassification": "confidential",
   * "stateChangingAllowed": true}}. 201 when new, 200 when replaced.
   */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({"ADMIN", "ANALYST"})
  public Response save(String body, @Context SecurityContext security) {
    JsonObject r = JsonBodies.object(body);
    List<dev.agenttrail.domain.event.Violation> problems = new ArrayList<>();
    String agent = JsonBodies.text(r, "agent");
    String workflow = JsonBodies.text(r, "workflow");
    if (agent == null || agent.isBlank() || agent.length() > 512) {
      problems.add(new dev.agenttrail.domain.event.Violation(0, "/agent", "'agent' is required: the agent id, at most 512 characters"));
    }
    if (workflow == null || workflow.isBlank() || workflow.length() > 128) {
      problems.add(new dev.agenttrail.domain.event.Violation(0, "/workflow", "'workflow' is required: at most 128 characters"));
    }
    Set<String> tools = names(r, "tools", problems);
    Set<String> scopes = names(r, "dataScopes", problems);
    Classification max = null;
    String classification = JsonBodies.text(r, "maxClassification");
    if (classification != null) {
      try {
        max = Classification.of(classification);
      } catch (IllegalArgumentException e) {
        problems.add(new dev.agenttrail.domain.event.Violation(0, "/maxClassification",
            "'maxClassification' must be public, internal, confidential or restricted"));
      }
    }
    JsonValue allowed = r.get("stateChangingAllowed");
    if (allowed != null && allowed != JsonValue.TRUE && allowed != JsonValue.FALSE) {
      problems.add(new dev.agenttrail.domain.event.Violation(0, "/stateChangingAllowed", "'stateChangingAllowed' must be true or false"));
    }
    if (!problems.isEmpty()) {
      throw new Problem(ProblemType.INVALID_REQUEST, "The workflow declaration is invalid.", problems);
    }
    WorkflowDeclarations.Workflow w = new WorkflowDeclarations.Workflow(agent, workflow, tools, scopes, max,
        allowed == JsonValue.TRUE, clock.instant(), security.getUserPrincipal().getName());
    boolean created = declarations.save(w);
    return Response.status(created ? 201 : 200).entity(json(w).toString()).build();
  }

  @DELETE
  @Allow({"ADMIN", "ANALYST"})
  public Response delete(@QueryParam("agent") String agent, @QueryParam("workflow") String workflow) {
    if (agent == null || workflow == null || !declarations.delete(agent, workflow)) {
      throw new NotFoundException("There is no workflow declaration for agent '" + agent + "' and workflow '" + workflow + "'.");
    }
    return Response.noContent().build();
  }

  private static Set<String> names(JsonObject r, String field, List<dev.agenttrail.domain.event.Violation> problems) {
    Set<String> out = new LinkedHashSet<>();
    JsonValue v = r.get(field);
    if (v == null || v == JsonValue.NULL) {
      return out;
    }
    if (!(v instanceof JsonArray array) || array.size() > 256) {
      problems.add(new dev.agenttrail.domain.event.Violation(0, "/" + field, "'" + field + "' must be an array of at most 256 names"));
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof JsonString s && !s.getString().isBlank() && s.getString().length() <= 256
          && s.getString().indexOf('\n') < 0) {
        out.add(s.getString());
      } else {
        problems.add(new dev.agenttrail.domain.event.Violation(0, "/" + field + "/" + i,
            "must be a name of 1 to 256 characters on one line"));
      }
    }
    return out;
  }

  private static JsonObject json(WorkflowDeclarations.Workflow w) {
    JsonArrayBuilder tools = PROVIDER.createArrayBuilder();
    w.tools().forEach(tools::add);
    JsonArrayBuilder scopes = PROVIDER.createArrayBuilder();
    w.dataScopes().forEach(scopes::add);
    JsonObjectBuilder b = PROVIDER.createObjectBuilder().add("agent", w.agentId()).add("workflow", w.workflow())
        .add("tools", tools).add("dataScopes", scopes).add("stateChangingAllowed", w.stateChangingAllowed())
        .add("updatedAt", w.updatedAt().toString()).add("updatedBy", w.updatedBy());
    if (w.maxClassification() != null) {
      b.add("maxClassification", w.maxClassification().wireName());
    }
    return b.build();
  }
}
