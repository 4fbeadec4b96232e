package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.access.Role;
import dev.agenttrail.domain.event.Violation;
import dev.agenttrail.domain.intake.CloudEventMapper;
import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/v1/ingest/cloudevents}: CloudEvents 1.0 over the HTTP binding, with the source's ingest
 * key as bearer token. Structured mode ({@code application/cloudevents+json}, one event), batch mode
 * ({@code application/cloudevents-batch+json}, a JSON array) and binary mode ({@code ce-*} headers,
 * the body is the data). The {@code data} is the event-v1 event; see {@link CloudEventMapper}. As
 * for {@code /api/v1/events}: atomic, idempotent on the event id (the CloudEvents id), 202 with a
 * receipt after the commit.
 */
@Path("ingest/cloudevents")
public class CloudEventsIngestResource {

  static final String STRUCTURED = "application/cloudevents";
  static final String BATCH = "application/cloudevents-batch";

  @Inject
  EventIntake intake;

  @POST
  @Allow(Role.INGEST)
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response ingest(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security) {
    long started = System.nanoTime();
    String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
    String encoding = headers.getHeaderString(HttpHeaders.CONTENT_ENCODING);
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
    List<JsonValue> cloudEvents;
    if (type.startsWith(BATCH) || type.startsWith(STRUCTURED)) {
      cloudEvents = intake.read(body, encoding, "application/json");
    } else if (headers.getHeaderString("ce-specversion") != null || headers.getHeaderString("ce-id") != null) {
      cloudEvents = List.of(binary(body, encoding, contentType, headers));
    } else {
      throw new Problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send CloudEvents in structured mode (Content-Type: "
          + "application/cloudevents+json), batch mode (application/cloudevents-batch+json) or binary mode (ce-id, "
          + "ce-type, ce-source, ce-specversion headers; the body is the event-v1 data).");
    }
    CloudEventMapper mapper = new CloudEventMapper();
    List<JsonValue> events = new ArrayList<>(cloudEvents.size());
    List<Violation> problems = new ArrayList<>();
    for (int i = 0; i < cloudEvents.size(); i++) {
      CloudEventMapper.Mapped mapped = mapper.map(i, cloudEvents.get(i));
      events.add(mapped.event());
      problems.addAll(mapped.problems());
    }
    return Response.accepted(EventJson.receipt(intake.store(security.getUserPrincipal().getName(), events, problems, started)))
        .build();
  }

  private JsonValue binary(InputStream body, String encoding, String contentType, HttpHeaders headers) {
    Map<String, String> ce = new LinkedHashMap<>();
    headers.getRequestHeaders().forEach((name, values) -> {
      if (!values.isEmpty()) {
        ce.put(name, values.get(0));
      }
    });
    JsonValue data = null;
    if (contentType == null || CloudEventMapper.isJson(contentType)) {
      byte[] bytes = intake.readBytes(body, encoding);
      try (JsonReader reader = JsonSupport.PROVIDER.createReader(new ByteArrayInputStream(bytes))) {
        data = reader.readValue();
      } catch (JsonParsingException e) {
        throw new Problem(ProblemType.MALFORMED_BODY, "The body (the event's data) is not valid JSON: " + JsonBodies.location(e));
      } catch (JsonException e) {
        throw new Problem(ProblemType.MALFORMED_BODY, "The body (the event's data) is not valid JSON.");
      }
    }
    return CloudEventMapper.fromBinary(ce, contentType, data);
  }
}
