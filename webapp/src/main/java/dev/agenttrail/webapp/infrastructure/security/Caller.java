package dev.agenttrail.webapp.infrastructure.security;

import java.security.Principal;
import java.util.Set;

/**
 * Who sent a request: a source (its ingest key; the only role is {@code INGEST}), a user (their
 * roles) or the configured admin token.
 */
public record Caller(Kind kind, String name, Set<String> roles) implements Principal {

  public enum Kind {
    SOURCE,
    USER,
    ADMIN_TOKEN
  }

  @Override
  public String getName() {
    return name;
  }
}
