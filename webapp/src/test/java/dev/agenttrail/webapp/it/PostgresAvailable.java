package dev.agenttrail.webapp.it;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the PostgreSQL tests only when the server in {@code it.pg.url} answers. Locally they are
 * skipped with a message that says so; in CI ({@code CI=true}) they must run, so a missing server
 * is an error.
 */
public class PostgresAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String url = System.getProperty("it.pg.url");
    DriverManager.setLoginTimeout(5);
    try (Connection c = DriverManager.getConnection(url, System.getProperty("it.pg.user"), System.getProperty("it.pg.password"))) {
      return ConditionEvaluationResult.enabled("PostgreSQL answers at " + url);
    } catch (Exception e) {
      String message = "PostgreSQL tests skipped: no PostgreSQL answers at " + url + " (" + e.getMessage()
          + "). Start one on 127.0.0.1:5432 (trust auth, database 'test') to run them.";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI must run the PostgreSQL tests, but " + message, e);
      }
      System.err.println(message);
      return ConditionEvaluationResult.disabled(message);
    }
  }
}
