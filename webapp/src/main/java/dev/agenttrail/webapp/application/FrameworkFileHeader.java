package dev.agenttrail.webapp.application;

import dev.agenttrail.catalog.api.IdSyntax;
import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/**
 * The framework id and version a file declares, read before the full validation so that a
 * version that exists already is answered as a conflict. Empty when the file does not declare
 * both in valid syntax; the validator then says what is wrong.
 */
record FrameworkFileHeader(String frameworkId, String version) {

  static Optional<FrameworkFileHeader> read(String content) {
    try (JsonReader reader = JsonSupport.PROVIDER.createReader(new StringReader(content))) {
      JsonValue root = reader.readValue();
      if (!(root instanceof JsonObject file)
          || !(file.get("framework") instanceof JsonObject header)) {
        return Optional.empty();
      }
      if (header.get("id") instanceof JsonString id
          && header.get("version") instanceof JsonString version
          && IdSyntax.isFrameworkId(id.getString())
          && IdSyntax.isVersion(version.getString())) {
        return Optional.of(new FrameworkFileHeader(id.getString(), version.getString()));
      }
      return Optional.empty();
    } catch (JsonException e) {
      return Optional.empty();
    }
  }
}
