package dev.agenttrail.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomFrameworkTest {

  private static final String GOOD =
      """
      {
        "format": "agenttrail-catalog/1",
        "framework": {
          "id": "ACME-AGENT-POLICY",
          "version": "1.0",
          "title": "Acme agent policy",
          "publisher": "Acme Corp, risk office",
          "lastModified": "2026-11-01",
          "idPrefixes": ["ACME"]
        },
        "entries": [
          {"id": "AP-1", "kind": "domain", "title": "Tool use"},
          {"id": "AP-1.1", "kind": "requirement", "parent": "AP-1", "text": "Agents call only declared tools."},
          {"id": "AP-1.2", "kind": "requirement", "parent": "AP-1", "text": "State changes need approval.",
           "properties": {"owner": "platform"}}
        ],
        "aliases": [
          {"alias": "Acme tool rule", "entry": "AP-1.1", "confidence": "medium", "note": "Name used in the 2025 policy deck."}
        ],
        "mappings": [
          {"from": "AP-1.1", "to": "OWASP-ASI-2026@2026:ASI02", "provenance": "manual", "rationale": "Same concern."},
          {"from": "AP-1.2", "to": "NIST-AI-RMF-1.0:MAP 3.5", "provenance": "manual", "rationale": "Human oversight."},
          {"from": "ACME-AGENT-POLICY@1.0:AP-1.2", "to": "AP-1", "provenance": "product", "rationale": "Part of tool use."}
        ]
      }
      """;

  private final Catalog catalog = CatalogLoader.loadBuiltIn();

  @Test
  void shouldAcceptValidCustomFrameworkMappedToBuiltInEntries() {
    assertThat(CatalogValidator.validate(catalog, "acme.json", GOOD)).isEmpty();

    Catalog extended = CatalogLoader.withCustomFramework(catalog, "acme.json", GOOD);
    Framework acme = extended.findFramework("ACME-AGENT-POLICY", "1.0").orElseThrow();

    assertThat(acme.entries())
        .extracting(FrameworkEntry::id)
        .containsExactly("AP-1", "AP-1.1", "AP-1.2");
    assertThat(acme.children("AP-1")).hasSize(2);
    assertThat(extended.mappingsTo(EntryRef.parse("NIST-AI-RMF-1.0@1.0:MAP 3.5")))
        .anySatisfy(
            m -> {
              assertThat(m.from()).isEqualTo(EntryRef.parse("ACME-AGENT-POLICY@1.0:AP-1.2"));
              assertThat(m.provenance()).isEqualTo(Provenance.MANUAL);
            });
    assertThat(extended.resolve("ACME AP 1.1").ref().entryId()).isEqualTo("AP-1.1");
    assertThat(extended.resolve("acme tool rule").confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(catalog.findLatestFramework("ACME-AGENT-POLICY"))
        .as("the original catalog is unchanged")
        .isEmpty();
    assertThat(extended.signals()).hasSize(9);
  }

  @Test
  void shouldReadCustomFrameworkFromAStream() {
    Catalog extended =
        CatalogLoader.withCustomFramework(
            catalog, "acme.json", new ByteArrayInputStream(GOOD.getBytes(StandardCharsets.UTF_8)));

    assertThat(extended.findLatestFramework("ACME-AGENT-POLICY")).isPresent();
  }

  @Test
  void shouldAddNewVersionAsSeparateFrameworkAndKeepTheOldOne() {
    Catalog first = CatalogLoader.withCustomFramework(catalog, "acme-1.json", GOOD);
    String second =
        GOOD.replace("\"version\": \"1.0\"", "\"version\": \"1.10\"")
            .replace("@1.0:", "@1.10:")
            .replace("Tool use", "Tool use (revised)");
    Catalog both = CatalogLoader.withCustomFramework(first, "acme-1.10.json", second);

    assertThat(
            both.findFramework("ACME-AGENT-POLICY", "1.0")
                .orElseThrow()
                .findEntry("AP-1")
                .orElseThrow()
                .title())
        .hasValue("Tool use");
    assertThat(both.findLatestFramework("ACME-AGENT-POLICY").orElseThrow().version())
        .isEqualTo("1.10");
    assertThat(both.resolve("ACME-AGENT-POLICY", "AP-1").entry().title())
        .hasValue("Tool use (revised)");
    assertThat(both.mappingsFrom(EntryRef.parse("ACME-AGENT-POLICY@1.10:AP-1.2")))
        .extracting(m -> m.to().asString())
        .contains("ACME-AGENT-POLICY@1.10:AP-1");
    assertThat(both.mappingsFrom(EntryRef.parse("ACME-AGENT-POLICY@1.0:AP-1.2")))
        .extracting(m -> m.to().asString())
        .containsExactly("NIST-AI-RMF-1.0@1.0:MAP 3.5", "ACME-AGENT-POLICY@1.0:AP-1");
  }

  @Test
  void shouldRejectAVersionThatIsAlreadyInTheCatalog() {
    Catalog first = CatalogLoader.withCustomFramework(catalog, "acme.json", GOOD);

    assertThat(CatalogValidator.validate(first, "acme-again.json", GOOD))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.pointer()).isEqualTo("/framework/version");
              assertThat(p.message())
                  .contains("ACME-AGENT-POLICY version 1.0 is already in the catalog");
            });
  }

  @Test
  void shouldNameEveryProblemOfABadFileAtOnce() {
    String bad =
        """
        {
          "format": "agenttrail-catalog/1",
          "framework": {"id": "ACME-AGENT-POLICY", "title": "Acme agent policy"},
          "entries": [
            {"id": "AP-1", "kind": "domain", "title": "Tool use"},
            {"id": "AP-1", "kind": "domain", "title": "Tool use again"},
            {"id": "AP-2", "kind": "requirement", "parent": "AP-9", "text": "Orphan."},
            {"id": "AP-3", "title": "No kind"}
          ],
          "mappings": [
            {"from": "AP-1", "to": "NIST-AI-RMF-1.0@1.0:MEASURE 9.9", "provenance": "manual", "rationale": "x"},
            {"from": "AP-1", "to": "NIST-AI-RMF-1.0@1.0:Measure 2.4", "provenance": "manual", "rationale": "x"},
            {"from": "AP-1", "to": "NIST-AI-RMF-9@1:GOVERN", "provenance": "guess", "rationale": "x"}
          ]
        }
        """;

    List<CatalogProblem> problems = CatalogValidator.validate(catalog, "bad.json", bad);

    assertThat(problems)
        .extracting(CatalogProblem::toString)
        .containsExactly(
            "bad.json:3:16 /framework: missing required field 'version'",
            "bad.json:6:12 /entries/1/id: duplicate entry id 'AP-1' (first defined at /entries/0)",
            "bad.json:8:5 /entries/3: missing required field 'kind'",
            "bad.json:7:53 /entries/2/parent: parent 'AP-9' is not an entry of this framework",
            "bad.json:13:68 /mappings/2/provenance: provenance 'guess' is not one of published,"
                + " product, manual",
            "bad.json:11:28 /mappings/0/to: mapping end 'NIST-AI-RMF-1.0@1.0:MEASURE 9.9' does not"
                + " resolve: No entry 'MEASURE 9.9' in NIST-AI-RMF-1.0@1.0; closest: MEASURE 2.9",
            "bad.json:12:28 /mappings/1/to: mapping end 'NIST-AI-RMF-1.0@1.0:Measure 2.4' does not"
                + " resolve: mapping ends must use the official id; did you mean 'MEASURE 2.4'?");
  }

  @Test
  void shouldThrowValidationExceptionWithEveryProblem() {
    String bad =
        GOOD.replace(
                "\"parent\": \"AP-1\", \"text\": \"Agents",
                "\"parent\": \"AP-7\", \"text\": \"Agents")
            .replace("OWASP-ASI-2026@2026:ASI02", "OWASP-ASI-2026@2026:ASI11");

    assertThatThrownBy(() -> CatalogLoader.withCustomFramework(catalog, "acme.json", bad))
        .isInstanceOf(CatalogValidationException.class)
        .hasMessageStartingWith("2 problems in catalog data:")
        .hasMessageContaining("/entries/1/parent: parent 'AP-7' is not an entry of this framework")
        .hasMessageContaining("No entry 'ASI11' in OWASP-ASI-2026@2026; closest: ASI01, ASI10")
        .satisfies(e -> assertThat(((CatalogValidationException) e).problems()).hasSize(2));
  }

  @Test
  void shouldReportBadJsonWithLineAndColumn() {
    String broken =
        """
        {
          "format": "agenttrail-catalog/1",
          "framework": {"id": "ACME", "version": "1" "title": "Acme"}
        }
        """;

    assertThat(CatalogValidator.validate(catalog, "broken.json", broken))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("broken.json");
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.column()).isGreaterThan(40);
              assertThat(p.message()).startsWith("invalid JSON:");
            });
  }

  @Test
  void shouldReportKeysThatAppearTwice() {
    String twice =
        GOOD.replace(
            "\"title\": \"Acme agent policy\",",
            "\"title\": \"Acme agent policy\", \"title\": \"Again\",");

    assertThat(CatalogValidator.validate(catalog, "twice.json", twice))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.pointer()).isEqualTo("/framework/title");
              assertThat(p.message())
                  .isEqualTo("field 'title' appears more than once in the same object");
            });
  }

  @Test
  void shouldReportParentLoopsUnknownFieldsAndBadAliases() {
    String bad =
        """
        {"format": "agenttrail-catalog/1",
         "framework": {"id": "ACME", "version": "1", "title": "Acme", "colour": "red"},
         "entries": [
           {"id": "A", "kind": "x", "parent": "B", "title": "A"},
           {"id": "B", "kind": "x", "parent": "A", "title": "B"},
           {"id": "bad:id", "kind": "Bad Kind", "title": "C"}
         ],
         "aliases": [{"alias": "Old A", "entry": "Z", "confidence": "certain", "note": "n"}]}
        """;

    assertThat(CatalogValidator.validate(catalog, "loops.json", bad))
        .extracting(CatalogProblem::message)
        .contains(
            "unknown field 'colour'; expected one of [id, idAbbreviations, idConvention,"
                + " idPrefixes, lastModified, license, notes, published, publisher, source, title,"
                + " url, version]",
            "parent chain loops: A -> B -> A",
            "kind 'Bad Kind' is not valid: use lower-case letters, digits and -",
            "alias target 'Z' is not an entry of this framework",
            "confidence 'certain' is not one of high, medium, low")
        .anyMatch(m -> m.startsWith("entry id 'bad:id' is not valid"));
  }

  @Test
  void shouldOnlyAcceptFrameworkFilesAsCustomUploads() {
    String library = """
        {"format": "agenttrail-catalog/1", "controls": []}
        """;

    assertThat(CatalogValidator.validate(catalog, "controls.json", library))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("missing required field 'framework'"));
    assertThat(CatalogValidator.validate(catalog, "array.json", "[1, 2]"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .isEqualTo("a catalog file must be a JSON object, not an array"));
    assertThat(CatalogValidator.validate(catalog, "empty.json", ""))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("invalid JSON"));
  }
}
