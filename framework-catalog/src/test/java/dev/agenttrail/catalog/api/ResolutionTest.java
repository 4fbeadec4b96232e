package dev.agenttrail.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolutionTest {

  private final Catalog catalog = CatalogLoader.loadBuiltIn();

  @Test
  void shouldResolveOfficialIdExactly() {
    Resolution resolution = catalog.resolve("NIST-AI-RMF-1.0", "MEASURE 2.4");

    assertThat(resolution.isExact()).isTrue();
    assertThat(resolution.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(resolution.note()).isEmpty();
    assertThat(resolution.ref()).hasToString("NIST-AI-RMF-1.0@1.0:MEASURE 2.4");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "OWASP-ASI-2026            | ASI02:2026              | ASI02",
        "OWASP-ASI-2026            | asi2                    | ASI02",
        "OWASP-ASI-2026            | ASI-02                  | ASI02",
        "OWASP-ASI-2026            | OWASP ASI02             | ASI02",
        "NIST-AI-RMF-1.0           | Measure 2.4             | MEASURE 2.4",
        "NIST-AI-RMF-1.0           | MEASURE-2.4             | MEASURE 2.4",
        "NIST-AI-RMF-1.0           | NIST AI RMF MEASURE 2.4 | MEASURE 2.4",
        "NIST-AI-RMF-1.0           | GV-1.1                  | GOVERN 1.1",
        "NIST-AI-RMF-1.0           | MP-3.3                  | MAP 3.3",
        "NIST-AI-RMF-1.0           | MS-2.10                 | MEASURE 2.10",
        "NIST-AI-RMF-1.0           | MG-4.1                  | MANAGE 4.1",
        "NIST-AI-RMF-1.0           | gv 6                    | GOVERN 6",
        "OWASP-AGENTIC-THREATS-1.1 | T06                     | T6",
        "CSA-MAESTRO-2025          | maestro l7 t4           | MAESTRO-L7-T4",
        "CSA-MAESTRO-2025          | MAESTRO L3              | L3"
      })
  void shouldResolveHarmlessVariantsWithHighConfidence(
      String framework, String input, String expected) {
    Resolution resolution = catalog.resolve(framework, input);

    assertThat(resolution.ref().entryId()).isEqualTo(expected);
    assertThat(resolution.match()).isEqualTo(Resolution.Match.VARIANT);
    assertThat(resolution.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(resolution.note())
        .hasValueSatisfying(note -> assertThat(note).contains(input.strip(), expected));
  }

  @Test
  void shouldNotConfuseSubcategoriesThatDifferOnlyByTheDot() {
    assertThat(catalog.resolve("NIST-AI-RMF-1.0", "measure 2.1").ref().entryId())
        .isEqualTo("MEASURE 2.1");
    assertThat(catalog.resolve("NIST-AI-RMF-1.0", "MEASURE 2.10").ref().entryId())
        .isEqualTo("MEASURE 2.10");
    assertThatThrownBy(() -> catalog.resolve("NIST-AI-RMF-1.0", "MEASURE 21"))
        .isInstanceOf(UnknownEntryException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "OWASP Agentic AI Top 10 A2  | OWASP-ASI-2026@2026:ASI02   | HIGH",
        "owasp agentic ai top 10  a2 | OWASP-ASI-2026@2026:ASI02   | HIGH",
        "OWASP Agentic AI Top 10 A01 | OWASP-ASI-2026@2026:ASI01   | MEDIUM",
        "CSA MAESTRO M1              | CSA-MAESTRO-2025@2025:L1    | HIGH",
        "MAESTRO M1                  | CSA-MAESTRO-2025@2025:L1    | HIGH"
      })
  void shouldResolveKnownAliasesAndSayTheyAreAliases(
      String input, String expected, Confidence confidence) {
    Resolution resolution = catalog.resolve(input);

    assertThat(resolution.ref()).isEqualTo(EntryRef.parse(expected));
    assertThat(resolution.isAlias()).isTrue();
    assertThat(resolution.confidence()).isEqualTo(confidence);
    assertThat(resolution.note()).hasValueSatisfying(note -> assertThat(note).startsWith("Not a"));
  }

  @Test
  void shouldResolveAliasWithLowConfidence() {
    Resolution resolution = catalog.resolve("CSA-MAESTRO-2025", "CSA MAESTRO IAC-3");

    assertThat(resolution.ref()).hasToString("CSA-MAESTRO-2025@2025:MAESTRO-L4-T3");
    assertThat(resolution.entry().title()).hasValue("Infrastructure-as-Code (IaC) Manipulation");
    assertThat(resolution.match()).isEqualTo(Resolution.Match.ALIAS);
    assertThat(resolution.confidence()).isEqualTo(Confidence.LOW);
    assertThat(resolution.note())
        .hasValueSatisfying(
            note ->
                assertThat(note)
                    .contains(
                        "No such CSA identifier exists",
                        "dynamic controls on agent execution paths"));
  }

  @Test
  void shouldResolveAi6001ActionIdToItsSubcategoryWithMediumConfidence() {
    Resolution resolution = catalog.resolve("GV-1.1-001");

    assertThat(resolution.ref()).hasToString("NIST-AI-RMF-1.0@1.0:GOVERN 1.1");
    assertThat(resolution.match()).isEqualTo(Resolution.Match.ALIAS);
    assertThat(resolution.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(resolution.note())
        .hasValueSatisfying(
            note -> assertThat(note).contains("AI 600-1", "not AI RMF subcategories"));
    assertThat(catalog.resolve("MG-2.3-004").ref().entryId()).isEqualTo("MANAGE 2.3");
  }

  @Test
  void shouldNameClosestEntriesForUnknownId() {
    assertThatThrownBy(() -> catalog.resolve("OWASP-ASI-2026", "ASI11"))
        .isInstanceOf(UnknownEntryException.class)
        .hasMessage("No entry 'ASI11' in OWASP-ASI-2026; closest: ASI01, ASI10")
        .satisfies(
            e ->
                assertThat(((UnknownEntryException) e).closest())
                    .extracting(EntryRef::entryId)
                    .containsExactly("ASI01", "ASI10"));
  }

  @Test
  void shouldNameClosestEntriesOverAllFrameworksWhenNoFrameworkIsGiven() {
    assertThatThrownBy(() -> catalog.resolve("MEASURE 2.44"))
        .isInstanceOf(UnknownEntryException.class)
        .hasMessage(
            "No entry 'MEASURE 2.44' in any framework; closest: NIST-AI-RMF-1.0:MEASURE 2.4");
  }

  @Test
  void shouldNotResolveAnActionIdWhoseSubcategoryDoesNotExist() {
    assertThatThrownBy(() -> catalog.resolve("NIST-AI-RMF-1.0", "GV-9.9-001"))
        .isInstanceOf(UnknownEntryException.class)
        .hasMessageStartingWith("No entry 'GV-9.9-001' in NIST-AI-RMF-1.0; closest:");
  }

  @Test
  void shouldSearchAllFrameworksForTheSearchBox() {
    assertThat(catalog.resolve("asi2").ref()).hasToString("OWASP-ASI-2026@2026:ASI02");
    assertThat(catalog.resolve("T17").ref()).hasToString("OWASP-AGENTIC-THREATS-1.1@1.1:T17");
    assertThat(catalog.resolve("L1").ref()).hasToString("CSA-MAESTRO-2025@2025:L1");
    assertThat(catalog.resolve("Measure 2.4").ref()).hasToString("NIST-AI-RMF-1.0@1.0:MEASURE 2.4");
    assertThat(catalog.search("nothing like this")).isEmpty();
  }

  @Test
  void shouldResolveQualifiedIdentifiers() {
    assertThat(catalog.resolve("OWASP-ASI-2026@2026:ASI02").isExact()).isTrue();
    assertThat(catalog.resolve("OWASP-ASI-2026:asi2").ref())
        .hasToString("OWASP-ASI-2026@2026:ASI02");
    assertThat(catalog.resolve("NIST-AI-RMF-1.0@1.0", "GV-1.1").ref().entryId())
        .isEqualTo("GOVERN 1.1");
    assertThatThrownBy(() -> catalog.resolve("OWASP-ASI-2026:ASI11"))
        .hasMessage("No entry 'ASI11' in OWASP-ASI-2026; closest: ASI01, ASI10");
  }

  @Test
  void shouldRejectUnknownFrameworkNamingTheKnownOnes() {
    assertThatThrownBy(() -> catalog.resolve("OWASP-ASI-2025", "ASI01"))
        .isInstanceOf(UnknownFrameworkException.class)
        .hasMessageContaining("No framework 'OWASP-ASI-2025'")
        .hasMessageContaining("OWASP-ASI-2026@2026");
    assertThat(catalog.search("OWASP-ASI-2026@2025:ASI01")).isEmpty();
    assertThatThrownBy(() -> catalog.resolve("OWASP-ASI-2026@2025", "ASI01"))
        .isInstanceOf(UnknownFrameworkException.class)
        .hasMessageContaining("version '2025'");
  }

  @Test
  void shouldRefuseToGuessWhenTwoFrameworksMatchEquallyWell() {
    String custom =
        """
        {"format": "agenttrail-catalog/1",
         "framework": {"id": "ACME-THREATS", "version": "1", "title": "Acme threat list"},
         "entries": [{"id": "T17", "kind": "threat", "title": "Acme's own T17"}]}
        """;
    Catalog extended = CatalogLoader.withCustomFramework(catalog, "acme.json", custom);

    assertThatThrownBy(() -> extended.resolve("T17"))
        .isInstanceOf(AmbiguousIdentifierException.class)
        .hasMessageContaining("ACME-THREATS@1:T17")
        .hasMessageContaining("OWASP-AGENTIC-THREATS-1.1@1.1:T17");
    assertThat(extended.search("T17")).hasSize(2);
    assertThat(extended.resolve("ACME-THREATS:T17").entry().title()).hasValue("Acme's own T17");
  }
}
