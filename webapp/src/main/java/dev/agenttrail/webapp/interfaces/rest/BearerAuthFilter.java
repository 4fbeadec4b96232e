package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.webapp.application.AccessService;
import dev.agenttrail.webapp.infrastructure.security.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;

/**
 * Authenticates {@code Authorization: Bearer <token>} and enforces the resource method's
 * {@link Allow}: missing or unknown token 401, known token without the role 403. A method
 * without {@code @Allow} is refused: access is never granted by
 * omission.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {

  @Inject
  AccessService access;

  @Context
  ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return; // no resource matched: the 404 needs no token
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      throw new Problem(ProblemType.UNAUTHENTICATED, "Send 'Authorization: Bearer <token>' with an ingest key or an API token.");
    }
    Caller caller = access.authenticate(header.substring(7).trim())
        .orElseThrow(() -> new Problem(ProblemType.UNAUTHENTICATED, "The token is unknown or has been revoked."));
    Allow allowed = method.getAnnotation(Allow.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(Allow.class);
    }
    if (allowed == null) {
      // Not an operation of the API (one Jersey answers itself, such as OPTIONS): no token opens it.
      throw new Problem(ProblemType.FORBIDDEN, "This is not an operation of the API; /openapi lists them.");
    }
    if (Arrays.stream(allowed.value()).noneMatch(caller.roles()::contains)) {
      throw new Problem(ProblemType.FORBIDDEN, caller.kind() == Caller.Kind.SOURCE
          ? "An ingest key may only ingest events."
          : "Your role does not allow this; it needs one of " + Arrays.toString(allowed.value()) + ".");
    }
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return caller;
      }

      @Override
      public boolean isUserInRole(String role) {
        return caller.roles().contains(role);
      }

      @Override
      public boolean isSecure() {
        return secure;
      }

      @Override
      public String getAuthenticationScheme() {
        return "Bearer";
      }
    });
  }
}
