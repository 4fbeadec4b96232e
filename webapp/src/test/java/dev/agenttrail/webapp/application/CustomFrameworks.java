package dev.agenttrail.webapp.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test framework files under {@code src/test/resources/catalog}, with their id filled in. */
final class CustomFrameworks {

  private CustomFrameworks() {}

  /** A valid file of three entries, an alias and two mappings to built-in entries. */
  static String acme(String id, String version) {
    return resource("catalog/acme-framework.json").replace("@ID@", id).replace("@VERSION@", version);
  }

  /** A file with three problems: a repeated id, an unknown parent, a mapping that dangles. */
  static String broken(String id) {
    return resource("catalog/broken-framework.json").replace("@ID@", id);
  }

  private static String resource(String path) {
    try (InputStream in = CustomFrameworks.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
