package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.domain.access.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The signed-in user as the page header shows them, and signing out (a POST). */
@Named
@RequestScoped
public class CurrentUser {

  @Inject
  SecurityContext security;

  @Inject
  CallerRoles callerRoles;

  private String name;
  private String roles;

  @PostConstruct
  void read() {
    Principal caller = security.getCallerPrincipal();
    name = caller == null ? null : caller.getName();
    roles = Arrays.stream(Role.values()).map(Role::name).filter(r -> callerRoles.any(r))
        .collect(Collectors.joining(", "));
  }

  /** Whether the user has any of the comma-separated roles, e.g. {@code hasAny('ADMIN,ANALYST')}. */
  public boolean hasAny(String roles) {
    return callerRoles.any(Arrays.stream(roles.split(",")).map(String::trim).toArray(String[]::new));
  }

  public boolean isSignedIn() {
    return name != null;
  }

  public String getName() {
    return name;
  }

  public String getRoles() {
    return roles;
  }

  /** Ends the session and goes to the sign-in page. */
  public void signOut() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
  }
}
