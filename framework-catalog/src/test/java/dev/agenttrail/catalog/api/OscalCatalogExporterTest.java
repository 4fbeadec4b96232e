package dev.agenttrail.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OscalCatalogExporterTest {

  private final Catalog catalog = CatalogLoader.loadBuiltIn();
  private final OscalCatalogExporter exporter = new OscalCatalogExporter();
  private final OscalSchema schema = new OscalSchema();

  static Stream<String> frameworkIds() {
    return Stream.of(
        "NIST-AI-RMF-1.0", "OWASP-ASI-2026", "OWASP-AGENTIC-THREATS-1.1", "CSA-MAESTRO-2025");
  }

  @ParameterizedTest
  @MethodSource("frameworkIds")
  void shouldExportCatalogThatValidatesAgainstOfficialOscalSchema(String frameworkId) {
    String export = exporter.exportAsString(framework(frameworkId));

    assertThat(schema.violations(export)).isEmpty();
  }

  @Test
  void shouldUseTheOscal112CatalogSchema() {
    assertThat(schema.id()).endsWith("oscal-catalog-1.1.2-schema.json");
  }

  @Test
  void shouldRejectDocumentsThatBreakTheSchema() {
    JsonObject valid = exporter.export(framework("OWASP-ASI-2026"));
    JsonObject catalogPart = valid.getJsonObject("catalog");
    JsonObject versionThreeUuid =
        Json.createObjectBuilder(valid)
            .add(
                "catalog",
                Json.createObjectBuilder(catalogPart)
                    .add("uuid", "6fa459ea-ee8a-3ca4-894e-db77e160355e"))
            .build();
    JsonObject noTitle =
        Json.createObjectBuilder(valid)
            .add(
                "catalog",
                Json.createObjectBuilder(catalogPart)
                    .add(
                        "metadata",
                        Json.createObjectBuilder(catalogPart.getJsonObject("metadata"))
                            .remove("title")))
            .build();
    JsonObject spaceInId =
        Json.createObjectBuilder(valid)
            .add(
                "catalog",
                Json.createObjectBuilder(catalogPart)
                    .add(
                        "controls",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("id", "GOVERN 1.1")
                                    .add("title", "GOVERN 1.1"))))
            .build();

    assertThat(schema.violations(valid.toString())).isEmpty();
    assertThat(schema.violations(versionThreeUuid.toString())).isNotEmpty();
    assertThat(schema.violations(noTitle.toString())).anyMatch(v -> v.contains("title"));
    assertThat(schema.violations(spaceInId.toString())).isNotEmpty();
  }

  @Test
  void shouldRejectAnInvalidIdDeepInsideNestedGroups() {
    String valid = exporter.exportAsString(framework("NIST-AI-RMF-1.0"));
    String broken = valid.replace("\"id\": \"govern-1.1\"", "\"id\": \"GOVERN 1.1\"");

    assertThat(broken).isNotEqualTo(valid);
    assertThat(schema.violations(broken)).isNotEmpty();
  }

  @Test
  void shouldConvertEntryIdsToOscalTokensAndKeepTheOriginalInLabel() {
    JsonObject govern =
        exporter
            .export(framework("NIST-AI-RMF-1.0"))
            .getJsonObject("catalog")
            .getJsonArray("groups")
            .getJsonObject(0);
    JsonObject govern1 = govern.getJsonArray("groups").getJsonObject(0);
    JsonObject govern11 = govern1.getJsonArray("controls").getJsonObject(0);

    assertThat(govern.getString("id")).isEqualTo("govern");
    assertThat(govern.getString("title")).isEqualTo("Govern");
    assertThat(govern1.getString("id")).isEqualTo("govern-1");
    assertThat(govern11.getString("id")).isEqualTo("govern-1.1");
    assertThat(govern11.getString("class")).isEqualTo("subcategory");
    assertThat(prop(govern11, "label")).isEqualTo("GOVERN 1.1");
    assertThat(govern11.getJsonArray("parts").getJsonObject(0).getString("prose"))
        .isEqualTo(
            "Legal and regulatory requirements involving AI are understood, managed, and"
                + " documented.");
  }

  @Test
  void shouldGroupMaestroThreatsUnderTheirLayerAndKeepCrossLayerThreatsAtTheTop() {
    JsonObject export = exporter.export(framework("CSA-MAESTRO-2025")).getJsonObject("catalog");

    assertThat(export.getJsonArray("groups")).hasSize(7);
    assertThat(export.getJsonArray("groups").getJsonObject(6).getJsonArray("controls")).hasSize(13);
    assertThat(export.getJsonArray("controls").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("id"))
        .containsExactly(
            "maestro-cl-t1", "maestro-cl-t2", "maestro-cl-t3", "maestro-cl-t4", "maestro-cl-t5");
  }

  @Test
  void shouldExportTheSameDocumentEveryTime() {
    Framework asi = framework("OWASP-ASI-2026");
    OscalCatalogExporter later =
        new OscalCatalogExporter(
            Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));

    assertThat(later.exportAsString(asi)).isEqualTo(exporter.exportAsString(asi));
    assertThat(exporter.export(asi).getJsonObject("catalog").getString("uuid"))
        .isEqualTo(OscalCatalogExporter.uuid("OWASP-ASI-2026@2026").toString())
        .isNotEqualTo(
            exporter
                .export(framework("NIST-AI-RMF-1.0"))
                .getJsonObject("catalog")
                .getString("uuid"));
  }

  @Test
  void shouldMakeVersionFiveUuids() {
    assertThat(OscalCatalogExporter.uuid("OWASP-ASI-2026@2026").version()).isEqualTo(5);
    // RFC 4122 Appendix B style check: SHA-1 of the DNS namespace and "www.example.com".
    assertThat(
            NameBasedUuid.of(
                UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"))
        .hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  }

  @Test
  void shouldMakeUniqueTokensForAwkwardIds() {
    OscalIds ids = new OscalIds(List.of(entry("A B"), entry("A-B"), entry("1.2")));

    assertThat(List.of(ids.of("A B"), ids.of("A-B"), ids.of("1.2")))
        .containsExactly("a-b", "a-b-2", "id-1.2");
  }

  private Framework framework(String id) {
    return catalog.findLatestFramework(id).orElseThrow();
  }

  private static String prop(JsonObject item, String name) {
    return item.getJsonArray("props").getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("name").equals(name))
        .map(p -> p.getString("value"))
        .findFirst()
        .orElse(JsonValue.NULL.toString());
  }

  private static FrameworkEntry entry(String id) {
    return new FrameworkEntry(
        EntryRef.of("X", "1", id),
        "item",
        Optional.empty(),
        Optional.of(id),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Map.of());
  }
}
