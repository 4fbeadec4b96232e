package dev.agenttrail.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogLoader;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.FrameworkEntry;
import dev.agenttrail.catalog.api.Verification;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compares the shipped catalog, entry by entry, with the verified reference data every developer
 * and CI has beside the project ({@code ../shared/reference/frameworks}; override with {@code
 * -Dagenttrail.reference=PATH}). Skipped where that folder is absent.
 */
class ReferenceDataTest {

  private final Catalog catalog = CatalogLoader.loadBuiltIn();
  private final Path reference =
      Path.of(System.getProperty("agenttrail.reference", "../../shared/reference/frameworks"));

  @Test
  void shouldReproduceEveryNistTextVerbatim() {
    JsonObject nist = reference("nist-ai-rmf-1.0.json");
    int compared = 0;
    for (String list : List.of("functions", "categories", "subcategories")) {
      for (JsonObject item : nist.getJsonArray(list).getValuesAs(JsonObject.class)) {
        FrameworkEntry entry = entry("NIST-AI-RMF-1.0@1.0:" + item.getString("id"));
        assertThat(entry.text()).as(item.getString("id")).hasValue(item.getString("text"));
        assertThat(entry.verification().map(Verification::status))
            .hasValue(item.getString("verification"));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(95);
  }

  @Test
  void shouldReproduceOwaspIdsTitlesAndSummaries() {
    JsonObject owasp = reference("owasp-agentic.json");
    List<JsonObject> asi =
        owasp
            .getJsonObject("top10_agentic_2026")
            .getJsonArray("entries")
            .getValuesAs(JsonObject.class);
    List<JsonObject> threats =
        owasp
            .getJsonObject("threats_and_mitigations_taxonomy")
            .getJsonArray("entries")
            .getValuesAs(JsonObject.class);
    for (JsonObject item : asi) {
      assertSame("OWASP-ASI-2026@2026:" + item.getString("id"), item.getString("title"), item);
    }
    for (JsonObject item : threats) {
      assertSame(
          "OWASP-AGENTIC-THREATS-1.1@1.1:" + item.getString("id"), item.getString("title"), item);
    }
  }

  @Test
  void shouldReproduceMaestroLayersAndThreats() {
    JsonObject maestro = reference("csa-maestro.json");
    List<JsonObject> items = new ArrayList<>();
    for (JsonObject layer : maestro.getJsonArray("layers").getValuesAs(JsonObject.class)) {
      items.add(layer);
      items.addAll(layer.getJsonArray("threats").getValuesAs(JsonObject.class));
    }
    items.addAll(maestro.getJsonArray("cross_layer_threats").getValuesAs(JsonObject.class));
    for (JsonObject item : items) {
      assertSame("CSA-MAESTRO-2025@2025:" + item.getString("id"), item.getString("name"), item);
    }
    assertThat(items).hasSize(7 + 50 + 5);
  }

  private void assertSame(String ref, String title, JsonObject item) {
    FrameworkEntry entry = entry(ref);
    assertThat(entry.title()).as(ref).hasValue(title);
    assertThat(entry.summary()).as(ref).hasValue(item.getString("summary"));
    assertThat(entry.verification())
        .as(ref)
        .hasValue(
            Verification.of(item.getString("verification"), item.getString("verification_basis")));
  }

  private FrameworkEntry entry(String ref) {
    return catalog
        .findEntry(EntryRef.parse(ref))
        .orElseThrow(() -> new AssertionError("missing " + ref));
  }

  private JsonObject reference(String file) {
    Path path = reference.resolve(file);
    assumeTrue(Files.isRegularFile(path), "reference data not found at " + path.toAbsolutePath());
    try (JsonReader reader = Json.createReader(Files.newBufferedReader(path))) {
      return reader.readObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
