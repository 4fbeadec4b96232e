package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.Resolution;
import dev.agenttrail.domain.catalog.CustomFrameworkFile;
import dev.agenttrail.webapp.application.CatalogService;
import dev.agenttrail.webapp.application.CatalogSnapshot;
import jakarta.inject.Inject;
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
import java.net.URI;
import java.util.Locale;

/**
 * {@code /api/v1/frameworks}: the framework catalog (any user role) and custom framework uploads
 * (admin). {@code ?version=} picks a framework version; without it the latest is meant.
 */
@Path("frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
public class FrameworkResource {

  @Inject
  CatalogService catalog;

  @GET
  public String list(@QueryParam("all") String all) {
    CatalogSnapshot snapshot = catalog.current();
    return CatalogJson.frameworks(snapshot, snapshot.frameworks(flag("all", all))).toString();
  }

  @GET
  @Path("{framework}")
  public String get(@PathParam("framework") String id, @QueryParam("version") String version) {
    CatalogSnapshot snapshot = catalog.current();
    return CatalogJson.framework(snapshot, snapshot.framework(id, blank(version))).toString();
  }

  @GET
  @Path("{framework}/entries")
  public String entries(
      @PathParam("framework") String id, @QueryParam("version") String version) {
    return CatalogJson.entries(catalog.current().framework(id, blank(version))).toString();
  }

  /** An entry by its official id, a variant of it or an alias ({@code resolvedFrom} says which). */
  @GET
  @Path("{framework}/entries/{entry: .+}")
  public String entry(
      @PathParam("framework") String id,
      @PathParam("entry") String entry,
      @QueryParam("version") String version) {
    CatalogSnapshot snapshot = catalog.current();
    Framework framework = snapshot.framework(id, blank(version));
    Resolution resolution = framework.resolve(entry);
    return EntryJson.entry(snapshot.catalog(), framework, resolution).toString();
  }

  @GET
  @Path("{framework}/oscal")
  public Response oscal(@PathParam("framework") String id, @QueryParam("version") String version) {
    CatalogSnapshot snapshot = catalog.current();
    Framework framework = snapshot.framework(id, blank(version));
    String file = framework.id() + "-" + framework.version() + "-oscal-catalog.json";
    return Response.ok(snapshot.oscal(framework))
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  /** A custom framework file as the body; a new version of a framework is a new upload. */
  @POST
  @Allow("ADMIN")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response upload(
      InputStream body,
      @QueryParam("fileName") String fileName,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @Context SecurityContext security) {
    String name = UploadBody.fileName(fileName);
    String content = UploadBody.read(body, encoding);
    CustomFrameworkFile stored =
        catalog.upload(name, content, security.getUserPrincipal().getName());
    CatalogSnapshot snapshot = catalog.current();
    Framework framework = snapshot.framework(stored.frameworkId(), stored.version());
    return Response.created(
            URI.create("frameworks/" + stored.frameworkId() + "?version=" + stored.version()))
        .entity(CatalogJson.summary(snapshot, framework).build().toString())
        .build();
  }

  private static boolean flag(String name, String text) {
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("false")) {
      return false;
    }
    if (text.trim().toLowerCase(Locale.ROOT).equals("true")) {
      return true;
    }
    throw SourceResource.invalid("/" + name, "'" + name + "' must be true or false");
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
