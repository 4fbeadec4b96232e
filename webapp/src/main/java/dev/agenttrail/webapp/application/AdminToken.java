package dev.agenttrail.webapp.application;

import dev.agenttrail.webapp.infrastructure.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code AGENTTRAIL_ADMIN_TOKEN}: when set, accepted as an admin API token. Kept as a hash only. */
@ApplicationScoped
public class AdminToken {

  private String hash;

  protected AdminToken() {}

  @Inject
  public AdminToken(@ConfigProperty(name = "AGENTTRAIL_ADMIN_TOKEN") Optional<String> token) {
    this.hash = token.filter(t -> !t.isBlank()).map(Secrets::hash).orElse(null);
  }

  public boolean matches(String presented) {
    return hash != null && Secrets.matches(presented, hash);
  }
}
