package dev.agenttrail.webapp.infrastructure.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one {@code AGENTTRAIL_*} setting: a system property of that name wins over an environment
 * variable. Used where MicroProfile Config is not yet available (the datasource is created before
 * the application's configuration is); everywhere else inject {@link AgentTrailConfig}.
 */
public final class Settings {

  private Settings() {}

  public static Optional<String> get(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public static String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  public static Path dataDir() {
    return Path.of(get("AGENTTRAIL_DATA_DIR", "./data")).toAbsolutePath().normalize();
  }
}
