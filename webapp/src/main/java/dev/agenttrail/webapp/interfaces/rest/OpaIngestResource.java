package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.access.Role;
import dev.agenttrail.domain.access.Source;
import dev.agenttrail.domain.event.Violation;
import dev.agenttrail.domain.intake.OpaDecisionMapper;
import dev.agenttrail.domain.intake.OpaMapping;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.application.IngestService;
import dev.agenttrail.webapp.application.SourceService;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcLedger;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/ingest/opa}: what OPA's decision-log plugin uploads (a gzip JSON array of decision
 * events), with the source's ingest key as the bearer token. OPA posts to its service URL plus the
 * plugin's {@code resource} (default {@code /logs}), so {@code /api/v1/ingest/opa/logs} is accepted
 * too. Any 2xx tells OPA the chunk is delivered; a retried chunk is stored once (decision ids).
 */
@Path("ingest/opa")
public class OpaIngestResource {

  @Inject
  EventIntake intake;

  @Inject
  SourceService sources;

  @POST
  @Allow(Role.INGEST)
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response ingest(InputStream body, @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context SecurityContext security) {
    long started = System.nanoTime();
    Source source = sources.get(security.getUserPrincipal().getName());
    List<JsonValue> decisions = intake.read(body, encoding, "application/json");
    OpaDecisionMapper mapper = new OpaDecisionMapper(OpaMappings.of(source), source.mode().name().toLowerCase(Locale.ROOT));
    List<JsonValue> events = new ArrayList<>(decisions.size());
    List<List<String>> unmapped = new ArrayList<>(decisions.size());
    List<Violation> problems = new ArrayList<>();
    for (int i = 0; i < decisions.size(); i++) {
      OpaDecisionMapper.Mapped mapped = mapper.map(i, decisions.get(i));
      events.add(mapped.event());
      unmapped.add(mapped.unmapped());
      problems.addAll(mapped.problems());
    }
    IngestService.Receipt receipt = intake.store(source.name(), events, problems, started);
    return Response.accepted(receipt(receipt, unmapped)).build();
  }

  @POST
  @Path("logs")
  @Allow(Role.INGEST)
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response ingestLogs(InputStream body, @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context SecurityContext security) {
    return ingest(body, encoding, contentType, security);
  }

  private static String receipt(IngestService.Receipt receipt, List<List<String>> unmapped) {
    JsonArrayBuilder items = JsonSupport.PROVIDER.createArrayBuilder();
    for (int i = 0; i < receipt.items().size(); i++) {
      JdbcLedger.Appended a = receipt.items().get(i);
      JsonObjectBuilder item = JsonSupport.PROVIDER.createObjectBuilder()
          .add("id", a.id()).add("status", a.duplicate() ? "duplicate" : "accepted").add("seq", a.seq());
      if (!unmapped.get(i).isEmpty()) {
        JsonArrayBuilder missing = JsonSupport.PROVIDER.createArrayBuilder();
        unmapped.get(i).forEach(missing::add);
        item.add("unmapped", missing);
      }
      items.add(item);
    }
    return JsonSupport.PROVIDER.createObjectBuilder()
        .add("accepted", receipt.accepted()).add("duplicates", receipt.duplicates()).add("items", items)
        .build().toString();
  }
}
