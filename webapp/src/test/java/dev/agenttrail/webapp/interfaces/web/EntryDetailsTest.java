package dev.agenttrail.webapp.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogLoader;
import dev.agenttrail.catalog.api.EntryRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryDetailsTest {

  private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();

  @Test
  void shouldShowANistSubcategoryWithItsOfficialTextAndMappings() {
    EntryDetail d = EntryDetails.of(CATALOG, CATALOG.findEntry(EntryRef.parse("NIST-AI-RMF-1.0@1.0:MEASURE 2.4")).orElseThrow());

    assertThat(d.title()).isNull();
    assertThat(d.text()).endsWith("are monitored when in production.");
    assertThat(d.verificationStatus()).isEqualTo("VERIFIED");
    assertThat(d.source()).contains("NIST AI 100-1");
    assertThat(d.parent().id()).isEqualTo("MEASURE 2");
    assertThat(d.controls()).extracting(MappingRow::endId).contains("CTRL-04");
    assertThat(d.signals()).extracting(MappingRow::provenance).containsOnly("product");
    assertThat(d.signals()).allSatisfy(m -> assertThat(m.rationale()).isNotBlank());
  }

  @Test
  void shouldShowPublishedCrosswalksBothWaysWithTheirSource() {
    EntryDetail asi = EntryDetails.of(CATALOG, CATALOG.findEntry(EntryRef.parse("OWASP-ASI-2026@2026:ASI01")).orElseThrow());

    List<MappingRow> published = asi.crosswalks().stream().filter(m -> m.provenance().equals("published")).toList();
    assertThat(published).isNotEmpty().allSatisfy(m -> {
      assertThat(m.source()).isNotBlank();
      assertThat(m.link().ref()).contains("@").contains(":");
    });
    assertThat(published).anySatisfy(m -> assertThat(m.outgoing()).isTrue());
  }

  @Test
  void shouldShortenLongLabels() {
    assertThat(EntryLink.shorten("x".repeat(200))).hasSize(90).endsWith("\u2026");
    assertThat(EntryLink.shorten("short")).isEqualTo("short");
  }
}
