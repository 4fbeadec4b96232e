package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.access.ApiToken;
import dev.agenttrail.domain.access.Role;
import dev.agenttrail.domain.access.User;
import dev.agenttrail.webapp.infrastructure.security.Secrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/** Users, their passwords (PBKDF2, slow on purpose) and their personal API tokens. */
@ApplicationScoped
@Transactional
public class UserService {

  /** OWASP's 2023 guidance for PBKDF2-HMAC-SHA512. */
  static final Map<String, String> HASH_PARAMETERS = Map.of(
      "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
      "Pbkdf2PasswordHash.Iterations", "210000",
      "Pbkdf2PasswordHash.SaltSizeBytes", "32",
      "Pbkdf2PasswordHash.KeySizeBytes", "64");

  static final int MIN_PASSWORD_LENGTH = 12;

  @PersistenceContext(unitName = "agenttrail")
  EntityManager em;

  @Inject
  Clock clock;

  @Inject
  Pbkdf2PasswordHash passwordHash;

  /** A token as issued: shown to its owner once. */
  public record IssuedToken(String id, String token) {}

  public User create(String username, String password, Set<Role> roles) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidRequestException("/password", "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (username != null && em.find(User.class, username) != null) {
      throw new ConflictException("a user named '" + username + "' exists already");
    }
    User user = User.create(username, hash(password), roles, clock.instant());
    em.persist(user);
    return user;
  }

  /** Every user, by name (user names and roles only). */
  public java.util.List<User> all() {
    return em.createQuery("SELECT u FROM User u ORDER BY u.username", User.class).setMaxResults(1000).getResultList();
  }

  /** Creates {@code admin} on an empty user table; answers false when there are users already. */
  public boolean createFirstAdmin(String password) {
    Long users = em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    if (users > 0) {
      return false;
    }
    em.persist(User.create("admin", hash(password), Set.of(Role.ADMIN), clock.instant()));
    return true;
  }

  public IssuedToken issueToken(String username) {
    if (em.find(User.class, username) == null) {
      throw new NotFoundException("no user named '" + username + "'");
    }
    Secrets.Issued issued = Secrets.issue(Secrets.USER_TOKEN);
    em.persist(ApiToken.issue(issued.id(), username, issued.hash(), clock.instant()));
    return new IssuedToken(issued.id(), issued.token());
  }

  public boolean checkPassword(String username, String password) {
    User user = em.find(User.class, username);
    if (user == null) {
      hash(password); // same work whether or not the user exists
      return false;
    }
    return passwordHash.verify(password.toCharArray(), user.passwordHash());
  }

  /** The user's roles; empty when there is no such user. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Set<Role> roles(String username) {
    User user = em.find(User.class, username);
    return user == null ? Set.of() : user.roles();
  }

  @PostConstruct
  void configureHash() {
    passwordHash.initialize(HASH_PARAMETERS);
  }

  private String hash(String password) {
    return passwordHash.generate(password.toCharArray());
  }
}
