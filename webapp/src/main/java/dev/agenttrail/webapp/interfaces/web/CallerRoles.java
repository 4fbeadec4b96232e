package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.domain.access.Role;
import dev.agenttrail.webapp.application.UserService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;

/**
 * The signed-in user's roles, for the checks pages and actions make. It asks the container first
 * and falls back to the stored roles of the authenticated caller: the server answers
 * {@code isCallerInRole} for the servlet a request was mapped to, which is none on the request
 * forwarded to the page right after signing in, so that page would otherwise see no roles at all.
 */
@RequestScoped
public class CallerRoles {

  @Inject
  SecurityContext security;

  @Inject
  UserService users;

  private java.util.Set<Role> stored;

  /** Whether the caller has any of the roles. */
  public boolean any(String... roles) {
    if (Arrays.stream(roles).anyMatch(security::isCallerInRole)) {
      return true;
    }
    Principal caller = security.getCallerPrincipal();
    if (caller == null) {
      return false;
    }
    if (stored == null) {
      stored = users.roles(caller.getName());
    }
    return Arrays.stream(roles).anyMatch(r -> stored.stream().anyMatch(s -> s.name().equals(r)));
  }
}
