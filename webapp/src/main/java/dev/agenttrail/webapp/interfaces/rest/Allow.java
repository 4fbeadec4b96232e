package dev.agenttrail.webapp.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a resource method (or every method of a class), checked by
 * {@link BearerAuthFilter}. Our own annotation rather than {@code @RolesAllowed}: Payara applies
 * that one itself against the servlet login, which bearer-token callers never have.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allow {

  /** Role names: {@code ADMIN}, {@code ANALYST}, {@code APPROVER}, {@code AUDITOR}, or {@code INGEST}. */
  String[] value();
}
