package dev.agenttrail.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** An enforcement point (policy decision point, gateway, agent runtime) that sends events. */
@Entity
@Table(name = "source")
@NamedQuery(name = "Source.all", query = "SELECT s FROM Source s ORDER BY s.name")
public class Source {

  /** The same rule as {@code event-v1}'s {@code source}. */
  public static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

  @Id
  @Column(name = "name")
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "mode", nullable = false)
  private EnforcementMode mode;

  @Column(name = "heartbeat")
  private String heartbeat;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The source's overrides of the OPA decision-log mapping, as JSON; null for the defaults. */
  @Column(name = "opa_mapping")
  private String opaMapping;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Source() {}

  public static Source register(String name, EnforcementMode mode, Duration heartbeat, Instant now) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a source name is 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    Source s = new Source();
    s.name = name;
    s.mode = Objects.requireNonNull(mode);
    s.heartbeat = heartbeat == null ? null : heartbeat.toString();
    s.createdAt = now;
    return s;
  }

  public String name() {
    return name;
  }

  public EnforcementMode mode() {
    return mode;
  }

  public Duration heartbeat() {
    return heartbeat == null ? null : Duration.parse(heartbeat);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String opaMapping() {
    return opaMapping;
  }

  /** Replaces the OPA mapping overrides (already validated JSON), or clears them with null. */
  public void configureOpaMapping(String json) {
    this.opaMapping = json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Source other && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
