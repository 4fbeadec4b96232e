package dev.agenttrail.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogValidator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the shipped files directly with JSON-P, independently of the loader: what the index lists,
 * where each framework file lives, unique ids, parents, and that every mapping end names an entry
 * of some shipped file.
 */
class ShippedFilesTest {

  private final Path root = catalogFolder();

  @Test
  void shouldListEveryShippedFileInTheIndex() throws IOException {
    List<String> listed = strings(read("index.json"), "files");
    try (Stream<Path> files = Files.walk(root)) {
      Set<String> shipped =
          files
              .filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .filter(p -> !p.equals("index.json"))
              .collect(Collectors.toSet());
      assertThat(listed).containsExactlyInAnyOrderElementsOf(shipped);
    }
  }

  @Test
  void shouldKeepEachFrameworkInTheFolderOfItsIdAndVersion() {
    for (String file : frameworkFiles()) {
      JsonObject header = read(file).getJsonObject("framework");
      assertThat(file)
          .isEqualTo(
              header.getString("id") + "/" + header.getString("version") + "/framework.json");
    }
  }

  @Test
  void shouldHaveUniqueIdsExistingParentsAndAKindOnEveryEntry() {
    for (String file : frameworkFiles()) {
      List<JsonObject> entries = read(file).getJsonArray("entries").getValuesAs(JsonObject.class);
      Set<String> ids = entries.stream().map(e -> e.getString("id")).collect(Collectors.toSet());
      assertThat(ids).as(file).hasSize(entries.size());
      assertThat(entries)
          .as(file)
          .allMatch(e -> !e.containsKey("parent") || ids.contains(e.getString("parent")))
          .allMatch(e -> !e.getString("kind", "").isBlank())
          .allMatch(e -> e.containsKey("verification"));
    }
  }

  @Test
  void shouldPointEveryMappingEndAtAShippedEntry() {
    Set<String> refs = new HashSet<>();
    for (String file : frameworkFiles()) {
      JsonObject document = read(file);
      String prefix =
          document.getJsonObject("framework").getString("id")
              + "@"
              + document.getJsonObject("framework").getString("version")
              + ":";
      document
          .getJsonArray("entries")
          .getValuesAs(JsonObject.class)
          .forEach(e -> refs.add(prefix + e.getString("id")));
    }
    int checked = 0;
    for (String file : strings(read("index.json"), "files")) {
      JsonObject document = read(file);
      for (JsonObject owner : owners(document)) {
        for (JsonObject mapping : owner.getJsonArray("mappings").getValuesAs(JsonObject.class)) {
          assertThat(refs).as(file + " " + mapping).contains(mapping.getString("to"));
          if (mapping.containsKey("from")) {
            assertThat(refs).as(file + " " + mapping).contains(mapping.getString("from"));
          }
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(158);
  }

  @Test
  void shouldAcceptEachShippedFrameworkFileAsACustomUpload() {
    Catalog empty = Catalog.of(List.of(), List.of(), List.of(), List.of());
    for (String file : frameworkFiles()) {
      assertThat(CatalogValidator.validate(empty, file, text(file))).as(file).isEmpty();
    }
  }

  private List<String> frameworkFiles() {
    return strings(read("index.json"), "files").stream()
        .filter(f -> f.endsWith("/framework.json"))
        .collect(Collectors.toList());
  }

  private static List<JsonObject> owners(JsonObject document) {
    if (document.containsKey("mappings")) {
      return List.of(document);
    }
    return Stream.of("controls", "signals")
        .filter(document::containsKey)
        .flatMap(key -> document.getJsonArray(key).getValuesAs(JsonObject.class).stream())
        .collect(Collectors.toList());
  }

  private static List<String> strings(JsonObject object, String key) {
    return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .collect(Collectors.toList());
  }

  private JsonObject read(String file) {
    try (JsonReader reader = Json.createReader(new StringReader(text(file)))) {
      return reader.readObject();
    }
  }

  private String text(String file) {
    try {
      return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path catalogFolder() {
    try {
      return Path.of(
              ShippedFilesTest.class.getClassLoader().getResource("catalog/index.json").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
