package dev.agenttrail.webapp.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only when Debian's Chromium and ChromeDriver are installed. Locally they
 * are skipped with a message that says how to install them; in CI ({@code CI=true}) they must run,
 * so a missing browser is an error.
 */
public class ChromiumAvailable implements ExecutionCondition {

  static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM + ", ChromeDriver at " + CHROMEDRIVER);
    }
    String message = "Browser tests skipped: no executable " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
        + ". Install them with 'apt-get install -y chromium chromium-driver' to run them.";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI must run the browser tests, but " + message);
    }
    System.err.println(message);
    return ConditionEvaluationResult.disabled(message);
  }
}
