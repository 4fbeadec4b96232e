package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.access.ApiToken;
import dev.agenttrail.domain.access.IngestKey;
import dev.agenttrail.domain.access.Role;
import dev.agenttrail.domain.access.User;
import dev.agenttrail.webapp.infrastructure.security.Caller;
import dev.agenttrail.webapp.infrastructure.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Resolves a bearer token to its {@link Caller}. Read-only; one indexed lookup per request. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccessService {

  @PersistenceContext(unitName = "agenttrail")
  EntityManager em;

  @Inject
  AdminToken adminToken;

  public Optional<Caller> authenticate(String token) {
    if (adminToken.matches(token)) {
      return Optional.of(new Caller(Caller.Kind.ADMIN_TOKEN, "admin", Set.of(Role.ADMIN.name())));
    }
    return Secrets.parse(token).flatMap(p -> switch (p.prefix()) {
      case Secrets.INGEST_KEY -> Optional.ofNullable(em.find(IngestKey.class, p.id()))
          .filter(k -> k.active() && Secrets.matches(token, k.secretHash()))
          .map(k -> new Caller(Caller.Kind.SOURCE, k.source(), Set.of(Role.INGEST)));
      case Secrets.USER_TOKEN -> Optional.ofNullable(em.find(ApiToken.class, p.id()))
          .filter(t -> t.active() && Secrets.matches(token, t.secretHash()))
          .flatMap(t -> Optional.ofNullable(em.find(User.class, t.username())))
          .map(u -> new Caller(Caller.Kind.USER, u.username(),
              u.roles().stream().map(Role::name).collect(Collectors.toSet())));
      default -> Optional.empty();
    });
  }
}
