package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.access.Role;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEventQueries;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;

/** {@code /api/v1/events}: ingest (ingest keys) and read back (users). */
@Path("events")
public class EventResource {


  @Inject
  EventIntake intake;

  @Inject
  JdbcEventQueries queries;

  @POST
  @Allow(Role.INGEST)
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response ingest(InputStream body, @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context SecurityContext security) {
    long started = System.nanoTime();
    String source = security.getUserPrincipal().getName();
    List<JsonValue> items = intake.read(body, encoding, contentType);
    return Response.accepted(EventJson.receipt(intake.store(source, items, started))).build();
  }

  @GET
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(@QueryParam("agent") String agent, @QueryParam("source") String source,
      @QueryParam("type") String type, @QueryParam("task") String task, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    QueryParams q = new QueryParams();
    int size = q.limit(limit, 100, 1000);
    JdbcEventQueries.Filter filter = new JdbcEventQueries.Filter(blank(agent), blank(source), q.eventType(type),
        blank(task), q.instant("from", from), q.instant("to", to), q.cursor(cursor));
    q.throwIfInvalid();
    List<JdbcEventQueries.StoredEvent> page = queries.find(filter, size + 1);
    return Response.ok(EventJson.page(page, size)).build();
  }

  @GET
  @Path("{source}/{id: .+}")
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  @Produces(MediaType.APPLICATION_JSON)
  public Response get(@PathParam("source") String source, @PathParam("id") String id) {
    return queries.get(source, id)
        .map(e -> Response.ok(EventJson.stored(e).toString()).build())
        .orElseThrow(() -> new Problem(ProblemType.NOT_FOUND, "Source '" + source + "' has no event '" + id + "'."));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
