package dev.agenttrail.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A key an enforcement point ingests with. Only the SHA-256 of the secret is kept. */
@Entity
@Table(name = "ingest_key")
@NamedQuery(name = "IngestKey.forSource",
    query = "SELECT k FROM IngestKey k WHERE k.source = :source ORDER BY k.createdAt")
public class IngestKey {

  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "source", nullable = false)
  private String source;

  @Column(name = "secret_hash", nullable = false)
  private String secretHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected IngestKey() {}

  public static IngestKey issue(String id, String source, String secretHash, Instant now) {
    IngestKey k = new IngestKey();
    k.id = id;
    k.source = source;
    k.secretHash = secretHash;
    k.createdAt = now;
    return k;
  }

  /** Revokes the key; revoking twice keeps the first time. */
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

  public String source() {
    return source;
  }

  public String secretHash() {
    return secretHash;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
