package dev.agenttrail.webapp.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.catalog.api.AmbiguousIdentifierException;
import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogLoader;
import dev.agenttrail.catalog.api.Resolution;
import dev.agenttrail.webapp.application.CatalogService;
import dev.agenttrail.webapp.application.CatalogSnapshot;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {

  private static final CatalogSnapshot SNAPSHOT =
      new CatalogService(new EmptyCustomFrameworks(), Clock.systemUTC()).current();

  @Test
  void shouldCountTheEntriesOfEachKind() {
    JsonObject nist =
        CatalogJson.summary(SNAPSHOT, SNAPSHOT.framework("NIST-AI-RMF-1.0", null)).build();

    assertThat(nist.getString("kind")).isEqualTo("builtin");
    assertThat(nist.getBoolean("latest")).isTrue();
    assertThat(nist.getInt("entryCount")).isEqualTo(95);
    assertThat(nist.getJsonObject("entryKinds").toString())
        .isEqualTo("{\"function\":4,\"category\":19,\"subcategory\":72}");
    assertThat(nist.containsKey("upload")).isFalse();
  }

  @Test
  void shouldListEveryEntryWithIdTitleKindAndParent() {
    JsonObject entries = CatalogJson.entries(SNAPSHOT.framework("CSA-MAESTRO-2025", null));

    assertThat(entries.getJsonArray("items")).hasSize(62);
    assertThat(entries.getJsonArray("items").getJsonObject(0).toString())
        .startsWith("{\"id\":\"L1\",\"title\":\"Foundation Models\",\"kind\":\"layer\",\"parent\":null,");
  }

  @Test
  void shouldGiveTheBestMatchAndEveryMatch() {
    Catalog catalog = SNAPSHOT.catalog();
    String input = "OWASP Agentic AI Top 10 A2";

    JsonObject answer =
        CatalogJson.resolve(input, Optional.of(catalog.resolve(input)), catalog.search(input));

    JsonObject resolved = answer.getJsonObject("resolved");
    assertThat(resolved.getString("ref")).isEqualTo("OWASP-ASI-2026@2026:ASI02");
    assertThat(resolved.getString("match")).isEqualTo("alias");
    assertThat(resolved.getString("confidence")).isEqualTo("high");
    assertThat(answer.getBoolean("ambiguous")).isFalse();
    assertThat(answer.getJsonArray("matches")).hasSize(1);
  }

  @Test
  void shouldSayWhenAnIdentifierIsAmbiguous() {
    Catalog catalog =
        CatalogLoader.withCustomFramework(
            SNAPSHOT.catalog(),
            "threats.json",
            "{\"format\": \"agenttrail-catalog/1\", \"framework\": {\"id\": \"ACME-THREATS\","
                + " \"version\": \"1\", \"title\": \"Acme threats\"}, \"entries\": [{\"id\": \"T1\","
                + " \"kind\": \"threat\", \"title\": \"Tool theft\"}]}");
    List<Resolution> matches = catalog.search("T1");
    Assertions.assertThatThrownBy(() -> catalog.resolve("T1"))
        .isInstanceOf(AmbiguousIdentifierException.class);

    JsonObject answer = CatalogJson.resolve("T1", Optional.empty(), matches);

    assertThat(answer.isNull("resolved")).isTrue();
    assertThat(answer.getBoolean("ambiguous")).isTrue();
    assertThat(answer.getJsonArray("matches")).hasSizeGreaterThan(1);
  }
}
