package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The framework catalog over REST: frameworks with their entry counts, entries with their official
 * text and mappings, aliases and variants that say how they resolved, the closest entries for an
 * unknown id, the search box, and OSCAL downloads that NIST's schema accepts. Includes the custom
 * framework uploads of {@link CustomFrameworkContract}.
 */
interface CatalogContract extends CustomFrameworkContract {

  String MEASURE_2_4_TEXT = "The functionality and behavior of the AI system and its components – as identified in the MAP"
      + " function – are monitored when in production.";

  @Test
  default void shouldListEveryFrameworkWithItsEntryCounts() {
    Map<String, JsonObject> frameworks = api().get("api/v1/frameworks", Api.ADMIN_TOKEN).json().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(f -> f.getString("id"), f -> f));

    assertThat(frameworks.get("NIST-AI-RMF-1.0").toString()).startsWith("{\"id\":\"NIST-AI-RMF-1.0\",\"version\":\"1.0\","
        + "\"title\":\"Artificial Intelligence Risk Management Framework (AI RMF 1.0)\",\"kind\":\"builtin\",\"latest\":true,"
        + "\"entryCount\":95,\"entryKinds\":{\"function\":4,\"category\":19,\"subcategory\":72}");
    assertThat(frameworks.get("OWASP-ASI-2026").getJsonObject("entryKinds").toString()).isEqualTo("{\"risk\":10}");
    assertThat(frameworks.get("OWASP-AGENTIC-THREATS-1.1").getJsonObject("entryKinds").toString()).isEqualTo("{\"threat\":17}");
    assertThat(frameworks.get("CSA-MAESTRO-2025").getJsonObject("entryKinds").toString())
        .isEqualTo("{\"layer\":7,\"threat\":55}");
    assertThat(frameworks.values()).allSatisfy(f -> assertThat(f.getBoolean("latest")).isTrue());
  }

  @Test
  default void shouldListEveryEntryWithIdTitleKindAndParent() {
    JsonObject nist = api().get("api/v1/frameworks/NIST-AI-RMF-1.0/entries?version=1.0", Api.ADMIN_TOKEN).json();

    assertThat(nist.getJsonArray("items")).hasSize(95);
    assertThat(nist.getJsonArray("items").getJsonObject(0).toString())
        .isEqualTo("{\"id\":\"GOVERN\",\"title\":\"Govern\",\"kind\":\"function\",\"parent\":null,\"label\":\"Govern\"}");
    assertThat(nist.getJsonArray("items").getValuesAs(JsonObject.class)).contains(CustomFrameworkContract.json(
        "{\"id\":\"MEASURE 2.4\",\"title\":null,\"kind\":\"subcategory\",\"parent\":\"MEASURE 2\",\"label\":\""
            + MEASURE_2_4_TEXT + "\"}"));
    Api.Reply unknownVersion = api().get("api/v1/frameworks/NIST-AI-RMF-1.0/entries?version=9.9", Api.ADMIN_TOKEN);
    assertThat(unknownVersion.status()).isEqualTo(404);
    assertThat(unknownVersion.json().getString("type")).isEqualTo("/problems/unknown-framework");
  }

  @Test
  default void shouldAnswerAnEntryWithItsOfficialTextAndMappings() {
    Api.Reply reply = api().get("api/v1/frameworks/NIST-AI-RMF-1.0/entries/MEASURE%202.4", Api.ADMIN_TOKEN);

    assertThat(reply.status()).isEqualTo(200);
    JsonObject entry = reply.json();
    assertThat(entry.getString("ref")).isEqualTo("NIST-AI-RMF-1.0@1.0:MEASURE 2.4");
    assertThat(entry.getString("text")).isEqualTo(MEASURE_2_4_TEXT);
    assertThat(entry.getJsonObject("verification").getString("status")).isEqualTo("VERIFIED");
    assertThat(entry.getString("source")).startsWith("NIST AI 100-1");
    assertThat(entry.containsKey("resolvedFrom")).isFalse();

    JsonObject mappings = api().get("api/v1/frameworks/OWASP-ASI-2026/entries/ASI02", Api.ADMIN_TOKEN).json()
        .getJsonObject("mappings");
    assertThat(mappings.getJsonArray("controls").getValuesAs(JsonObject.class)).isNotEmpty().allSatisfy(c -> {
      assertThat(c.getString("provenance")).isEqualTo("product");
      assertThat(c.getString("rationale")).isNotBlank();
    });
    assertThat(mappings.getJsonArray("signals").getValuesAs(JsonObject.class)).isNotEmpty()
        .allSatisfy(s -> assertThat(s.getString("rationale")).isNotBlank());
    assertThat(mappings.getJsonArray("crosswalks").getValuesAs(JsonObject.class)).anySatisfy(c -> {
      assertThat(c.getString("provenance")).isEqualTo("published");
      assertThat(c.getString("source")).isNotBlank();
      assertThat(c.getJsonObject("entry").getString("framework")).isEqualTo("OWASP-AGENTIC-THREATS-1.1");
    });
  }

  @Test
  default void shouldResolveEveryAliasAndVariantAndSayHow() {
    List<List<String>> cases = List.of(
        // framework, input, entry, match, confidence
        List.of("CSA-MAESTRO-2025", "CSA MAESTRO IAC-3", "MAESTRO-L4-T3", "alias", "low"),
        List.of("CSA-MAESTRO-2025", "CSA MAESTRO M1", "L1", "alias", "high"),
        List.of("CSA-MAESTRO-2025", "MAESTRO M1", "L1", "alias", "high"),
        List.of("OWASP-ASI-2026", "OWASP Agentic AI Top 10 A2", "ASI02", "alias", "high"),
        List.of("OWASP-ASI-2026", "OWASP Agentic AI Top 10 A01", "ASI01", "alias", "medium"),
        List.of("OWASP-ASI-2026", "ASI02:2026", "ASI02", "variant", "high"),
        List.of("OWASP-ASI-2026", "asi2", "ASI02", "variant", "high"),
        List.of("OWASP-ASI-2026", "ASI-02", "ASI02", "variant", "high"),
        List.of("NIST-AI-RMF-1.0", "Measure 2.4", "MEASURE 2.4", "variant", "high"),
        List.of("NIST-AI-RMF-1.0", "MEASURE-2.4", "MEASURE 2.4", "variant", "high"),
        List.of("NIST-AI-RMF-1.0", "NIST AI RMF MEASURE 2.4", "MEASURE 2.4", "variant", "high"),
        List.of("NIST-AI-RMF-1.0", "MS-2.4", "MEASURE 2.4", "variant", "high"),
        List.of("NIST-AI-RMF-1.0", "GV-1.1", "GOVERN 1.1", "variant", "high"),
        List.of("NIST-AI-RMF-1.0", "GV-1.1-001", "GOVERN 1.1", "alias", "medium"));
    SoftAssertions softly = new SoftAssertions();
    for (List<String> c : cases) {
      Api.Reply reply = api().get("api/v1/frameworks/" + c.get(0) + "/entries/" + path(c.get(1)), Api.ADMIN_TOKEN);
      softly.assertThat(reply.status()).as(c.get(1)).isEqualTo(200);
      if (reply.status() == 200) {
        JsonObject entry = reply.json();
        JsonObject from = entry.getJsonObject("resolvedFrom");
        softly.assertThat(entry.getString("id")).as(c.get(1)).isEqualTo(c.get(2));
        softly.assertThat(from.getString("input")).as(c.get(1)).isEqualTo(c.get(1));
        softly.assertThat(from.getString("match")).as(c.get(1)).isEqualTo(c.get(3));
        softly.assertThat(from.getString("confidence")).as(c.get(1)).isEqualTo(c.get(4));
        softly.assertThat(from.getString("note")).as(c.get(1)).isNotBlank();
      }
    }
    softly.assertAll();
    assertThat(api().get("api/v1/frameworks/CSA-MAESTRO-2025/entries/CSA%20MAESTRO%20IAC-3", Api.ADMIN_TOKEN).json()
        .getJsonObject("resolvedFrom").getString("note")).startsWith("No such CSA identifier exists.");
  }

  @Test
  default void shouldNameTheClosestEntriesOfAnUnknownId() {
    Api.Reply unknown = api().get("api/v1/frameworks/OWASP-ASI-2026/entries/ASI11", Api.ADMIN_TOKEN);
    Api.Reply framework = api().get("api/v1/frameworks/OWASP-ASI-2025/entries/ASI01", Api.ADMIN_TOKEN);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.body()).isEqualTo("{\"type\":\"/problems/unknown-entry\",\"title\":\"Unknown framework entry\","
        + "\"status\":404,\"detail\":\"No entry 'ASI11' in OWASP-ASI-2026; closest: ASI01, ASI10.\","
        + "\"closest\":[\"OWASP-ASI-2026@2026:ASI01\",\"OWASP-ASI-2026@2026:ASI10\"]}");
    assertThat(framework.status()).isEqualTo(404);
    assertThat(framework.json().getString("detail")).startsWith("No framework 'OWASP-ASI-2025' in the catalog; known: ");
  }

  @Test
  default void shouldResolveAnIdentifierInAnyFrameworkForTheSearchBox() {
    JsonObject alias = api().get("api/v1/catalog/resolve?q=" + query("CSA MAESTRO IAC-3"), Api.ADMIN_TOKEN).json();
    JsonObject exact = api().get("api/v1/catalog/resolve?q=" + query("MEASURE 2.4"), Api.ADMIN_TOKEN).json();
    Api.Reply unknown = api().get("api/v1/catalog/resolve?q=ASI11", Api.ADMIN_TOKEN);
    Api.Reply missing = api().get("api/v1/catalog/resolve", Api.ADMIN_TOKEN);

    assertThat(alias.getJsonObject("resolved").getString("ref")).isEqualTo("CSA-MAESTRO-2025@2025:MAESTRO-L4-T3");
    assertThat(alias.getJsonObject("resolved").getString("confidence")).isEqualTo("low");
    assertThat(exact.getJsonObject("resolved").getString("match")).isEqualTo("exact");
    assertThat(exact.getJsonArray("matches")).hasSize(1);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("detail")).startsWith("No entry 'ASI11' in any framework; closest: OWASP-ASI-2026:ASI01");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/q");
  }

  @Test
  default void shouldExportEveryFrameworkAsOscalThatNistsSchemaAccepts() {
    OscalSchema schema = new OscalSchema();
    assertThat(schema.id()).endsWith("oscal-catalog-1.1.2-schema.json");
    List<JsonObject> frameworks = api().get("api/v1/frameworks?all=true", Api.ADMIN_TOKEN).json().getJsonArray("items")
        .getValuesAs(JsonObject.class);
    assertThat(frameworks).hasSizeGreaterThanOrEqualTo(4);

    for (JsonObject f : frameworks) {
      String id = f.getString("id");
      String version = f.getString("version");
      HttpResponse<String> oscal = api().exchange("GET", "api/v1/frameworks/" + id + "/oscal?version=" + version,
          Api.ADMIN_TOKEN, null, null);
      assertThat(oscal.statusCode()).as(id).isEqualTo(200);
      assertThat(oscal.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
      assertThat(oscal.headers().firstValue("Content-Disposition").orElseThrow())
          .isEqualTo("attachment; filename=\"" + id + "-" + version + "-oscal-catalog.json\"");
      assertThat(schema.violations(oscal.body())).as(id + "@" + version).isEmpty();
      assertThat(oscal.body()).contains("\"oscal-version\"");
    }
  }

  @Test
  default void shouldLetEveryUserRoleReadTheCatalogAndNoIngestKey() {
    String auditor = CustomFrameworkContract.userToken(api(), "AUDITOR");
    Api.Source source = api().newSource();

    assertThat(api().get("api/v1/frameworks", auditor).status()).isEqualTo(200);
    assertThat(api().get("api/v1/frameworks/OWASP-ASI-2026/entries/ASI02", auditor).status()).isEqualTo(200);
    assertThat(api().get("api/v1/catalog/resolve?q=ASI02", auditor).status()).isEqualTo(200);
    assertThat(api().get("api/v1/frameworks", source.key()).status()).isEqualTo(403);
    assertThat(api().get("api/v1/frameworks", null).status()).isEqualTo(401);
  }

  @Test
  default void shouldDescribeTheCatalogInTheOpenApiDocument() {
    assertThat(api().getServer("openapi").body()).contains("/api/v1/frameworks/{framework}/entries/{entry}")
        .contains("/api/v1/frameworks/{framework}/oscal").contains("/api/v1/catalog/resolve");
  }

  /** A path segment: spaces as {@code %20}. */
  private static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
