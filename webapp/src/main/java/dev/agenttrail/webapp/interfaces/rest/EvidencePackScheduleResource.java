package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.application.EvidencePackSchedules;
import dev.agenttrail.webapp.application.EvidencePackService;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidencePackSchedules.ScheduleRow;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/v1/evidence-pack-schedules}: packs on a cron schedule (UTC), each run covering the
 * {@code lookback} before it, kept {@code retentionDays}. GET of one schedule carries its history.
 */
@Path("evidence-pack-schedules")
@Produces(MediaType.APPLICATION_JSON)
public class EvidencePackScheduleResource {

  @Inject
  EvidencePackSchedules schedules;

  @Inject
  EvidencePackService packs;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({"ADMIN", "ANALYST"})
  public Response create(String body, @Context SecurityContext security) {
    EvidencePackSchedules.Settings settings = settings(JsonBodies.object(body));
    ScheduleRow row = schedules.create(settings, security.getUserPrincipal().getName());
    return Response.created(URI.create("evidence-pack-schedules/" + row.id())).entity(describe(row, false).toString()).build();
  }

  @GET
  @Allow({"ADMIN", "ANALYST", "AUDITOR"})
  public String list() {
    JsonArrayBuilder items = JsonSupport.PROVIDER.createArrayBuilder();
    schedules.list().forEach(s -> items.add(describe(s, false)));
    return JsonSupport.PROVIDER.createObjectBuilder().add("items", items).build().toString();
  }

  @GET
  @Path("{id}")
  @Allow({"ADMIN", "ANALYST", "AUDITOR"})
  public String get(@PathParam("id") String id) {
    return describe(schedules.get(id), true).toString();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({"ADMIN", "ANALYST"})
  public String replace(@PathParam("id") String id, String body) {
    return describe(schedules.replace(id, settings(JsonBodies.object(body))), false).toString();
  }

  @DELETE
  @Path("{id}")
  @Allow({"ADMIN", "ANALYST"})
  public Response delete(@PathParam("id") String id) {
    schedules.delete(id);
    return Response.noContent().build();
  }

  private EvidencePackSchedules.Settings settings(JsonObject o) {
    List<String> frameworks = JsonBodies.texts(o, "frameworks");
    packs.checkFrameworks(frameworks);
    JsonValue retention = o.get("retentionDays");
    int days = 90;
    if (retention != null && retention != JsonValue.NULL) {
      if (!(retention instanceof JsonNumber n) || !n.isIntegral()) {
        throw SourceResource.invalid("/retentionDays", "'retentionDays' must be a whole number of days");
      }
      days = n.intValue();
    }
    JsonValue paused = o.get("paused");
    String lookback = JsonBodies.text(o, "lookback");
    return new EvidencePackSchedules.Settings(JsonBodies.text(o, "name"), JsonBodies.text(o, "cron"),
        lookback == null ? "P7D" : lookback, frameworks, JsonBodies.texts(o, "agents"), days, paused == JsonValue.TRUE);
  }

  private JsonObject describe(ScheduleRow s, boolean history) {
    JsonArrayBuilder frameworks = JsonSupport.PROVIDER.createArrayBuilder();
    s.frameworks().forEach(frameworks::add);
    JsonArrayBuilder agents = JsonSupport.PROVIDER.createArrayBuilder();
    s.agents().forEach(agents::add);
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder()
        .add("id", s.id()).add("name", s.name()).add("cron", s.cron()).add("lookback", s.lookback())
        .add("frameworks", frameworks).add("agents", agents).add("retentionDays", s.retentionDays())
        .add("paused", s.paused()).add("createdBy", s.createdBy()).add("createdAt", s.createdAt().toString())
        .add("updatedAt", s.updatedAt().toString());
    if (s.nextRun() != null && !s.paused()) {
      b.add("nextRun", s.nextRun().toString());
    }
    if (history) {
      JsonArrayBuilder runs = JsonSupport.PROVIDER.createArrayBuilder();
      packs.list(s.id()).forEach(p -> runs.add(EvidencePackJson.pack(p)));
      b.add("history", runs);
    }
    return b.build();
  }
}
