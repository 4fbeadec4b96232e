package dev.agenttrail.webapp.interfaces.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Declares the browser sign-in: an unauthenticated request for a protected page is redirected to
 * {@code /login.xhtml}, and after signing in the caller continues to the page first asked for. Which
 * pages are protected, and for which roles, is in {@code web.xml}. Unprotected paths (the REST API
 * among them) pass through untouched.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
@ApplicationScoped
public class DashboardSecurity {}
