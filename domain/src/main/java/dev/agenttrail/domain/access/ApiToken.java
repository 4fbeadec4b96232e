package dev.agenttrail.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's personal API token; it carries that user's roles. Only the SHA-256 is kept. */
@Entity
@Table(name = "api_token")
public class ApiToken {

  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "secret_hash", nullable = false)
  private String secretHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  public static ApiToken issue(String id, String username, String secretHash, Instant now) {
    ApiToken t = new ApiToken();
    t.id = id;
    t.username = username;
    t.secretHash = secretHash;
    t.createdAt = now;
    return t;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public boolean active() {
    return revokedAt == null;
  }

  public String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String secretHash() {
    return secretHash;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
