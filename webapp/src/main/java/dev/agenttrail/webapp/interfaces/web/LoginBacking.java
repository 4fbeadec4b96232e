package dev.agenttrail.webapp.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code login.xhtml}: hands the username and password to Jakarta Security. Request-scoped rather
 * than view-scoped on purpose: the password must not outlive the request in the session.
 */
@Named
@RequestScoped
public class LoginBacking {

  @Inject
  SecurityContext security;

  private String username;
  private String password;

  /** The view action: a signed-in user has nothing to do here. */
  public String skipWhenSignedIn() {
    return security.getCallerPrincipal() == null ? null : "/index?faces-redirect=true";
  }

  public void signIn() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    if (request.getSession(false) != null) {
      request.changeSessionId(); // no session fixation: the signed-in session gets a new id
    }
    UsernamePasswordCredential credential = new UsernamePasswordCredential(username, new Password(password));
    password = null;
    // Not a "new authentication": that would drop the page the caller first asked for.
    AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
        AuthenticationParameters.withParams().credential(credential));
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete(); // on its way to the page first asked for
      case SUCCESS -> external.redirect(external.getRequestContextPath() + "/index.xhtml");
      default -> faces.addMessage(null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.forView().format("login.failed"), null));
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
