package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.escalation.EscalationPolicy;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.application.EscalationPolicyService;
import dev.agenttrail.webapp.application.InvalidRequestException;
import dev.agenttrail.webapp.infrastructure.persistence.EscalationJson;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEscalationPolicies;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /api/v1/escalation-policies}: who must approve which actions, level by level (admin manages, others read). */
@Path("escalation-policies")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationPolicyResource {

  @Inject
  EscalationPolicyService policies;

  @POST
  @Allow("ADMIN")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    JsonObject request = JsonBodies.object(body);
    JdbcEscalationPolicies.Stored stored = policies.create(policy(JsonBodies.text(request, "name"), request));
    return Response.created(URI.create("escalation-policies/" + stored.policy().name())).entity(describe(stored).toString()).build();
  }

  @GET
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public String list() {
    JsonArrayBuilder items = JsonSupport.PROVIDER.createArrayBuilder();
    policies.all().forEach(p -> items.add(describe(p)));
    return JsonSupport.PROVIDER.createObjectBuilder().add("items", items).build().toString();
  }

  @GET
  @Path("{name}")
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public String get(@PathParam("name") String name) {
    return describe(policies.get(name)).toString();
  }

  @PUT
  @Path("{name}")
  @Allow("ADMIN")
  @Consumes(MediaType.APPLICATION_JSON)
  public String replace(@PathParam("name") String name, String body) {
    JsonObject request = JsonBodies.object(body);
    String named = JsonBodies.text(request, "name");
    if (named != null && !named.equals(name)) {
      throw SourceResource.invalid("/name", "'name' must be the policy's name in the address ('" + name + "') or absent");
    }
    return describe(policies.replace(policy(name, request))).toString();
  }

  @DELETE
  @Path("{name}")
  @Allow("ADMIN")
  public Response delete(@PathParam("name") String name) {
    policies.delete(name);
    return Response.noContent().build();
  }

  private static EscalationPolicy policy(String name, JsonObject request) {
    if (name == null || !EscalationPolicy.NAME.matcher(name).matches()) {
      throw new InvalidRequestException("/name",
          "'name' is required: 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    for (String key : request.keySet()) {
      if (!key.equals("name") && !key.equals("match") && !key.equals("levels")) {
        throw new InvalidRequestException("/" + key, "a policy has 'name', 'match' and 'levels', not '" + key + "'");
      }
    }
    return new EscalationPolicy(name, EscalationJson.match(request.get("match")), EscalationJson.levels(request.get("levels")));
  }

  private static JsonObject describe(JdbcEscalationPolicies.Stored s) {
    return JsonSupport.PROVIDER.createObjectBuilder()
        .add("name", s.policy().name())
        .add("match", EscalationJson.write(s.policy().match()))
        .add("levels", EscalationJson.write(s.policy().levels()))
        .add("createdAt", s.createdAt().toString())
        .add("updatedAt", s.updatedAt().toString())
        .build();
  }
}
