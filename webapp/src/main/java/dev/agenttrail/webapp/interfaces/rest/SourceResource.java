package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.domain.access.EnforcementMode;
import dev.agenttrail.domain.access.IngestKey;
import dev.agenttrail.domain.access.Source;
import dev.agenttrail.domain.intake.OpaMapping;
import dev.agenttrail.webapp.application.SourceService;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code /api/v1/sources}: enforcement points and their ingest keys (admin). */
@Path("sources")
@Produces(MediaType.APPLICATION_JSON)
@Allow("ADMIN")
public class SourceResource {

  @Inject
  SourceService sources;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(String body) {
    JsonObject request = JsonBodies.object(body);
    String name = JsonBodies.text(request, "name");
    if (name == null || !Source.NAME.matcher(name).matches()) {
      throw invalid("/name", "'name' is required: 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    EnforcementMode mode = mode(JsonBodies.text(request, "mode"));
    Duration heartbeat = heartbeat(JsonBodies.text(request, "heartbeat"));
    SourceService.IssuedKey key = sources.register(name, mode, heartbeat);
    return Response.created(URI.create("sources/" + name)).entity(issued(key).toString()).build();
  }

  @GET
  public String list() {
    JsonArrayBuilder items = JsonSupport.PROVIDER.createArrayBuilder();
    sources.all().forEach(s -> items.add(describe(s)));
    return JsonSupport.PROVIDER.createObjectBuilder().add("items", items).build().toString();
  }

  @GET
  @Path("{name}")
  public String get(@PathParam("name") String name) {
    return describe(sources.get(name)).toString();
  }

  @POST
  @Path("{name}/keys")
  public Response rotate(@PathParam("name") String name) {
    SourceService.IssuedKey key = sources.rotate(name);
    return Response.created(URI.create("sources/" + name + "/keys/" + key.keyId())).entity(issued(key).toString()).build();
  }

  @DELETE
  @Path("{name}/keys/{keyId}")
  public Response revoke(@PathParam("name") String name, @PathParam("keyId") String keyId) {
    sources.revoke(name, keyId);
    return Response.noContent().build();
  }

  /** The OPA decision-log mapping in force for this source: defaults plus its overrides. */
  @GET
  @Path("{name}/adapters/opa")
  public String opaMapping(@PathParam("name") String name) {
    return OpaMappings.of(sources.get(name)).toJson().toString();
  }

  /**
   * Sets the source's overrides of the OPA mapping: an object of field to a path or an array of
   * paths, e.g. {@code {"agentId": "input.caller.workload"}}; {@code {}} restores the defaults.
   */
  @PUT
  @Path("{name}/adapters/opa")
  @Consumes(MediaType.APPLICATION_JSON)
  public String configureOpaMapping(@PathParam("name") String name, String body) {
    JsonObject overrides = JsonBodies.object(body);
    try {
      OpaMapping.from(overrides);
    } catch (IllegalArgumentException e) {
      throw invalid("", e.getMessage());
    }
    sources.configureOpaMapping(name, overrides.isEmpty() ? null : overrides.toString());
    return OpaMappings.of(sources.get(name)).toJson().toString();
  }

  private JsonObject describe(Source s) {
    JsonArrayBuilder keys = JsonSupport.PROVIDER.createArrayBuilder();
    for (IngestKey k : sources.keys(s.name())) {
      JsonObjectBuilder key = JsonSupport.PROVIDER.createObjectBuilder().add("id", k.id()).add("createdAt", k.createdAt().toString());
      if (k.revokedAt() != null) {
        key.add("revokedAt", k.revokedAt().toString());
      }
      keys.add(key.add("active", k.active()));
    }
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder()
        .add("name", s.name())
        .add("mode", s.mode().name().toLowerCase(Locale.ROOT))
        .add("createdAt", s.createdAt().toString())
        .add("keys", keys);
    if (s.heartbeat() != null) {
      b.add("heartbeat", s.heartbeat().toString());
    }
    return b.build();
  }

  private static JsonObject issued(SourceService.IssuedKey key) {
    return JsonSupport.PROVIDER.createObjectBuilder()
        .add("name", key.source())
        .add("keyId", key.keyId())
        .add("ingestKey", key.ingestKey())
        .build();
  }

  private static EnforcementMode mode(String text) {
    if (text == null) {
      return EnforcementMode.ENFORCE;
    }
    try {
      return EnforcementMode.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("/mode", "'mode' must be enforce, observe or alert");
    }
  }

  private static Duration heartbeat(String text) {
    if (text == null) {
      return Duration.ofMinutes(15);
    }
    try {
      Duration d = Duration.parse(text);
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw invalid("/heartbeat", "'heartbeat' must be a positive ISO 8601 duration such as PT15M");
  }

  static Problem invalid(String pointer, String message) {
    return new Problem(ProblemType.INVALID_REQUEST, message,
        java.util.List.of(new dev.agenttrail.domain.event.Violation(0, pointer, message)));
  }
}
