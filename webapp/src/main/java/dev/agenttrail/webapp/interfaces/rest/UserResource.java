package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.domain.access.Role;
import dev.agenttrail.domain.access.User;
import dev.agenttrail.webapp.application.UserService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/** {@code /api/v1/users}: users (admin) and personal API tokens (admin, or the user themself). */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

  @Inject
  UserService users;

  @POST
  @Allow("ADMIN")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    JsonObject request = JsonBodies.object(body);
    String username = JsonBodies.text(request, "username");
    if (username == null || !User.USERNAME.matcher(username).matches()) {
      throw SourceResource.invalid("/username", "'username' is required: 1 to 64 letters, digits, '.', '_', '@' or '-'");
    }
    User user = users.create(username, JsonBodies.text(request, "password"), roles(request.get("roles")));
    JsonArrayBuilder roles = JsonSupport.PROVIDER.createArrayBuilder();
    user.roles().forEach(r -> roles.add(r.name()));
    return Response.created(URI.create("users/" + username))
        .entity(JsonSupport.PROVIDER.createObjectBuilder().add("username", username).add("roles", roles).build().toString())
        .build();
  }

  @POST
  @Path("{username}/tokens")
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public Response issueToken(@PathParam("username") String username, @Context SecurityContext security) {
    if (!security.isUserInRole("ADMIN") && !security.getUserPrincipal().getName().equals(username)) {
      throw new Problem(ProblemType.FORBIDDEN, "You may create tokens for yourself only.");
    }
    UserService.IssuedToken token = users.issueToken(username);
    return Response.created(URI.create("users/" + username + "/tokens/" + token.id()))
        .entity(JsonSupport.PROVIDER.createObjectBuilder().add("id", token.id()).add("token", token.token()).build().toString())
        .build();
  }

  private static Set<Role> roles(JsonValue value) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw SourceResource.invalid("/roles", "'roles' is required: a non-empty array of ADMIN, ANALYST, APPROVER, AUDITOR");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (int i = 0; i < array.size(); i++) {
      JsonValue v = array.get(i);
      try {
        roles.add(Role.valueOf(((JsonString) v).getString()));
      } catch (ClassCastException | IllegalArgumentException e) {
        throw SourceResource.invalid("/roles/" + i, "must be one of ADMIN, ANALYST, APPROVER, AUDITOR, not " + v);
      }
    }
    return roles;
  }
}
