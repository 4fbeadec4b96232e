package dev.agenttrail.webapp.interfaces.web.security;

import dev.agenttrail.domain.access.Role;
import dev.agenttrail.domain.access.User;
import dev.agenttrail.webapp.application.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a username and password against the users table (PBKDF2, through {@link
 * UserService#checkPassword}) and answers the user's roles as the caller's groups.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

  private static final int MAX_PASSWORD_LENGTH = 1024;

  @Inject
  UserService users;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String username = credential.getCaller();
    String password = credential.getPasswordAsString();
    if (username == null || !User.USERNAME.matcher(username).matches()
        || password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (!users.checkPassword(username, password)) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Set<String> groups = users.roles(username).stream().map(Role::name).collect(Collectors.toSet());
    return groups.isEmpty() ? CredentialValidationResult.INVALID_RESULT : new CredentialValidationResult(username, groups);
  }
}
