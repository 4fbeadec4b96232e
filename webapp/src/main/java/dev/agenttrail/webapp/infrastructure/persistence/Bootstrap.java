package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.webapp.application.UserService;
import dev.agenttrail.webapp.infrastructure.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Start-up: defines the datasource, brings the schema up to date with Flyway (one set of
 * migrations for H2 and PostgreSQL; Flyway's lock makes concurrent starts of several instances
 * safe), and creates the first admin on an empty database.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/agenttrail",
    className = "dev.agenttrail.webapp.infrastructure.persistence.AgentTrailDataSource",
    minPoolSize = 2,
    maxPoolSize = 32)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Bootstrap {

  private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z_][A-Za-z0-9_]*)");

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  @Inject
  UserService users;

  @PostConstruct
  void start() {
    LOG.info(() -> "AgentTrail database: " + (AgentTrailDataSource.isPostgres() ? "PostgreSQL" : "embedded H2 under " + Settings.dataDir()));
    FluentConfiguration flyway = Flyway.configure(Bootstrap.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration");
    postgresSchema().ifPresent(flyway::schemas); // created by Flyway when it does not exist yet
    flyway.load().migrate();
    createFirstAdmin();
  }

  /** The schema named by {@code currentSchema=} in a PostgreSQL URL, if any. */
  static Optional<String> postgresSchema() {
    if (!AgentTrailDataSource.isPostgres()) {
      return Optional.empty();
    }
    Matcher m = CURRENT_SCHEMA.matcher(Settings.get("AGENTTRAIL_DB_URL", ""));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private void createFirstAdmin() {
    String configured = Settings.get("AGENTTRAIL_ADMIN_PASSWORD").orElse(null);
    String password = configured != null ? configured : generated();
    try {
      if (users.createFirstAdmin(password) && configured == null) {
        LOG.warning("Created the user 'admin' with the generated password " + password
            + " (shown once; set AGENTTRAIL_ADMIN_PASSWORD to choose it)");
      }
    } catch (RuntimeException e) {
      // Another instance created it at the same moment: its admin stands.
      LOG.info("The first admin was created by another instance");
    }
  }

  private static String generated() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
