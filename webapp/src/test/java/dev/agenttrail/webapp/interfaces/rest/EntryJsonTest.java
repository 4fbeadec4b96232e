package dev.agenttrail.webapp.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.webapp.application.CatalogService;
import dev.agenttrail.webapp.application.CatalogSnapshot;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class EntryJsonTest {

  private static final CatalogSnapshot SNAPSHOT =
      new CatalogService(new EmptyCustomFrameworks(), Clock.systemUTC()).current();

  @Test
  void shouldGiveTheOfficialTextAndTheFrameworksSourceOfANistSubcategory() {
    JsonObject entry = entry("NIST-AI-RMF-1.0", "MEASURE 2.4");

    assertThat(entry.getString("ref")).isEqualTo("NIST-AI-RMF-1.0@1.0:MEASURE 2.4");
    assertThat(entry.isNull("title")).isTrue();
    assertThat(entry.getString("kind")).isEqualTo("subcategory");
    assertThat(entry.getString("parent")).isEqualTo("MEASURE 2");
    assertThat(entry.getString("text"))
        .isEqualTo(
            "The functionality and behavior of the AI system and its components – as identified in"
                + " the MAP function – are monitored when in production.");
    assertThat(entry.getString("label")).isEqualTo(entry.getString("text"));
    assertThat(entry.getJsonObject("verification").getString("status")).isEqualTo("VERIFIED");
    assertThat(entry.getString("source")).startsWith("NIST AI 100-1");
    assertThat(entry.containsKey("resolvedFrom")).isFalse();
  }

  @Test
  void shouldListControlsSignalsAndCrosswalksWithProvenanceAndRationale() {
    JsonObject mappings = entry("OWASP-ASI-2026", "ASI02").getJsonObject("mappings");

    JsonObject control = mappings.getJsonArray("controls").getJsonObject(0);
    assertThat(control.getString("control")).startsWith("CTRL-");
    assertThat(control.getString("name")).isNotBlank();
    assertThat(control.getString("provenance")).isEqualTo("product");
    assertThat(control.getString("rationale")).isNotBlank();
    JsonObject signal = mappings.getJsonArray("signals").getJsonObject(0);
    assertThat(signal.getString("signal")).matches("[A-Z_]+");
    assertThat(signal.getString("provenance")).isEqualTo("product");
    JsonObject published =
        mappings.getJsonArray("crosswalks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("provenance").equals("published"))
            .findFirst()
            .orElseThrow();
    assertThat(published.getString("direction")).isEqualTo("outgoing");
    assertThat(published.getString("from")).isEqualTo("OWASP-ASI-2026@2026:ASI02");
    assertThat(published.getJsonObject("entry").getString("framework"))
        .isEqualTo("OWASP-AGENTIC-THREATS-1.1");
    assertThat(published.getJsonObject("entry").getString("label")).isNotBlank();
    assertThat(published.getString("source")).isNotBlank();
  }

  @Test
  void shouldShowIncomingCrosswalksOnTheTargetEntry() {
    JsonObject mappings = entry("OWASP-AGENTIC-THREATS-1.1", "T2").getJsonObject("mappings");

    assertThat(mappings.getJsonArray("crosswalks").getValuesAs(JsonObject.class))
        .anySatisfy(
            c -> {
              assertThat(c.getString("direction")).isEqualTo("incoming");
              assertThat(c.getString("to")).isEqualTo("OWASP-AGENTIC-THREATS-1.1@1.1:T2");
            });
  }

  @Test
  void shouldNameTheAliasItsConfidenceAndItsNote() {
    JsonObject entry = entry("CSA-MAESTRO-2025", "CSA MAESTRO IAC-3");

    assertThat(entry.getString("id")).isEqualTo("MAESTRO-L4-T3");
    JsonObject from = entry.getJsonObject("resolvedFrom");
    assertThat(from.getString("input")).isEqualTo("CSA MAESTRO IAC-3");
    assertThat(from.getString("match")).isEqualTo("alias");
    assertThat(from.getString("confidence")).isEqualTo("low");
    assertThat(from.getString("note")).contains("No such CSA identifier exists");
  }

  @Test
  void shouldListTheChildrenOfAnEntry() {
    JsonObject entry = entry("NIST-AI-RMF-1.0", "govern");

    assertThat(entry.getString("id")).isEqualTo("GOVERN");
    assertThat(entry.getJsonObject("resolvedFrom").getString("match")).isEqualTo("variant");
    assertThat(entry.getJsonArray("children").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("id"))
        .startsWith("GOVERN 1", "GOVERN 2");
    assertThat(entry.get("parent")).isEqualTo(JsonValue.NULL);
  }

  private static JsonObject entry(String frameworkId, String identifier) {
    Catalog catalog = SNAPSHOT.catalog();
    Framework framework = SNAPSHOT.framework(frameworkId, null);
    return EntryJson.entry(catalog, framework, framework.resolve(identifier));
  }
}
