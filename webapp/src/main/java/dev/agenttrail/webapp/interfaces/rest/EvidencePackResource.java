package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.reports.evidence.PackScope;
import dev.agenttrail.reports.evidence.PackSigningKey;
import dev.agenttrail.webapp.application.EvidencePackService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code /api/v1/evidence-packs}: generate a pack for a period, frameworks and agents, follow its
 * progress, download it (audited), and fetch the public key that verifies its signature.
 */
@Path("evidence-packs")
@Produces(MediaType.APPLICATION_JSON)
public class EvidencePackResource {

  @Inject
  EvidencePackService packs;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({"ADMIN", "ANALYST"})
  public Response generate(String body, @Context SecurityContext security) {
    PackScope scope = scope(JsonBodies.object(body));
    String id = packs.request(scope, security.getUserPrincipal().getName(), null, null).id();
    return Response.accepted(EvidencePackJson.pack(packs.get(id)).toString())
        .location(URI.create("evidence-packs/" + id)).build();
  }

  @GET
  @Allow({"ADMIN", "ANALYST", "AUDITOR"})
  public String list(@QueryParam("schedule") String schedule) {
    var items = JsonSupport.PROVIDER.createArrayBuilder();
    packs.list(schedule).forEach(p -> items.add(EvidencePackJson.pack(p)));
    return JsonSupport.PROVIDER.createObjectBuilder().add("items", items).build().toString();
  }

  @GET
  @Path("{id}")
  @Allow({"ADMIN", "ANALYST", "AUDITOR"})
  public String get(@PathParam("id") String id) {
    return EvidencePackJson.pack(packs.get(id)).toString();
  }

  @GET
  @Path("{id}/download")
  @Produces("application/zip")
  @Allow({"ADMIN", "ANALYST", "AUDITOR"})
  public Response download(@PathParam("id") String id, @Context SecurityContext security) {
    java.nio.file.Path file = packs.download(id, security.getUserPrincipal().getName());
    return Response.ok(file.toFile(), "application/zip")
        .header("Content-Disposition", "attachment; filename=\"evidence-pack-" + id + ".zip\"").build();
  }

  @GET
  @Path("{id}/downloads")
  @Allow({"ADMIN", "AUDITOR"})
  public String downloads(@PathParam("id") String id) {
    var items = JsonSupport.PROVIDER.createArrayBuilder();
    packs.downloads(id).forEach(d -> items.add(JsonSupport.PROVIDER.createObjectBuilder()
        .add("username", d.username()).add("at", d.at().toString())));
    return JsonSupport.PROVIDER.createObjectBuilder().add("items", items).build().toString();
  }

  /** The public key that verifies pack signatures: PEM, or a JWK with {@code ?format=jwk}. */
  @GET
  @Path("public-key")
  @Produces({"application/x-pem-file", "application/jwk+json"})
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public Response publicKey(@QueryParam("format") String format) {
    PackSigningKey key = packs.signingKey();
    if ("jwk".equals(format)) {
      return Response.ok(key.publicJwk(), "application/jwk+json").build();
    }
    return Response.ok(key.publicPem(), "application/x-pem-file")
        .header("Content-Disposition", "attachment; filename=\"agenttrail-evidence-key.pem\"").build();
  }

  static PackScope scope(JsonObject request) {
    Instant from = time(request, "from");
    Instant to = time(request, "to");
    if (!to.isAfter(from)) {
      throw SourceResource.invalid("/to", "'to' must be after 'from'");
    }
    return new PackScope(from, to, JsonBodies.texts(request, "frameworks"), JsonBodies.texts(request, "agents"));
  }

  private static Instant time(JsonObject request, String name) {
    JsonValue value = request.get(name);
    if (!(value instanceof JsonString text)) {
      throw SourceResource.invalid("/" + name, "'" + name + "' is required: an RFC 3339 time such as 2026-11-16T00:00:00Z");
    }
    try {
      return OffsetDateTime.parse(text.getString()).toInstant();
    } catch (DateTimeParseException e) {
      throw SourceResource.invalid("/" + name, "'" + name + "' must be an RFC 3339 time with offset, such as 2026-11-16T00:00:00Z");
    }
  }
}
