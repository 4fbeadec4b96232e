package dev.agenttrail.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person who uses the dashboard or the API. The password is kept as a slow hash only. */
@Entity
@Table(name = "app_user")
public class User {

  public static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$");

  @Id
  @Column(name = "username")
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "roles", nullable = false)
  private String roles;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected User() {}

  public static User create(String username, String passwordHash, Set<Role> roles, Instant now) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException("a username is 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
    }
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    User u = new User();
    u.username = username;
    u.passwordHash = passwordHash;
    u.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    u.createdAt = now;
    return u;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Set<Role> roles() {
    EnumSet<Role> set = EnumSet.noneOf(Role.class);
    Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(set::add);
    return set;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
