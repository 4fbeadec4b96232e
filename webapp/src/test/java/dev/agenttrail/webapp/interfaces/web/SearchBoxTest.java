package dev.agenttrail.webapp.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogLoader;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SearchBoxTest {

  private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
  private static final Texts TEXTS = new Texts(Locale.ENGLISH);

  @Test
  void shouldWarnAboutALowConfidenceAlias() {
    SearchBox.Answer answer = SearchBox.resolve(CATALOG, "  CSA MAESTRO IAC-3 ", TEXTS);

    assertThat(answer.entry()).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo("MAESTRO-L4-T3"));
    assertThat(answer.outcome().severity()).isEqualTo("warn");
    assertThat(answer.outcome().summary()).isEqualTo(
        "\u201cCSA MAESTRO IAC-3\u201d is not an official identifier. It is an alias of MAESTRO-L4-T3 in CSA-MAESTRO-2025@2025, with low confidence.");
    assertThat(answer.outcome().detail()).startsWith("No such CSA identifier exists.");
  }

  @Test
  void shouldTellAnOfficialIdAndASureVariantWithoutAWarning() {
    SearchBox.Answer exact = SearchBox.resolve(CATALOG, "MEASURE 2.4", TEXTS);
    SearchBox.Answer variant = SearchBox.resolve(CATALOG, "NIST AI RMF Measure-2.4", TEXTS);

    assertThat(exact.outcome().severity()).isEqualTo("info");
    assertThat(exact.outcome().summary()).isEqualTo("MEASURE 2.4 is an official identifier in NIST-AI-RMF-1.0@1.0.");
    assertThat(variant.entry()).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo("MEASURE 2.4"));
    assertThat(variant.outcome().severity()).isEqualTo("info");
    assertThat(variant.outcome().summary()).contains("read as MEASURE 2.4").contains("high confidence");
  }

  @Test
  void shouldWarnAboutAMediumConfidencePatternAlias() {
    SearchBox.Answer answer = SearchBox.resolve(CATALOG, "GV-1.1-001", TEXTS);

    assertThat(answer.entry()).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo("GOVERN 1.1"));
    assertThat(answer.outcome().isWarning()).isTrue();
    assertThat(answer.outcome().summary()).contains("medium confidence");
  }

  @Test
  void shouldNameTheClosestEntriesOfAnUnknownIdentifier() {
    SearchBox.Answer answer = SearchBox.resolve(CATALOG, "ASI11", TEXTS);

    assertThat(answer.entry()).isEmpty();
    assertThat(answer.outcome().severity()).isEqualTo("error");
    assertThat(answer.outcome().summary()).startsWith("Nothing in the catalog matches \u201cASI11\u201d.");
    assertThat(answer.outcome().suggestions()).extracting(EntryLink::id).contains("ASI01", "ASI10");
  }

  @Test
  void shouldRefuseEmptyAndOverlongInputReadably() {
    assertThat(SearchBox.resolve(CATALOG, " ", TEXTS).outcome().summary()).startsWith("Type an identifier of at most 200 characters");
    assertThat(SearchBox.resolve(CATALOG, "x".repeat(201), TEXTS).outcome().severity()).isEqualTo("error");
    assertThat(SearchBox.resolve(CATALOG, "NOPE:ASI99", TEXTS).outcome().summary()).startsWith("Nothing in the catalog matches");
  }
}
