package dev.agenttrail.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example framework file in docs/catalog.md is what newcomers copy: it must be valid. */
class DocumentationExampleTest {

  private static final Path DOC = Path.of("../docs/catalog.md");

  @Test
  void shouldAcceptTheDocumentedCustomFrameworkExample() throws IOException {
    String doc = Files.readString(DOC);
    int section = doc.indexOf("### Framework file");
    int start = doc.indexOf("```json", section) + "```json".length();
    String example = doc.substring(start, doc.indexOf("```", start));
    Catalog catalog = CatalogLoader.loadBuiltIn();

    assertThat(CatalogValidator.validate(catalog, "example.json", example)).isEmpty();
    Catalog extended = CatalogLoader.withCustomFramework(catalog, "example.json", example);
    assertThat(extended.resolve("ACME-AGENT-POLICY", "POL-1.1").ref().entryId())
        .isEqualTo("AP-1.1");
    assertThat(extended.resolve("ACME-AGENT-POLICY", "AP1").ref().entryId()).isEqualTo("AP-1");
    assertThat(extended.resolve("Acme policy AP-1.1").isExact()).isFalse();
    assertThat(extended.mappingsFrom(EntryRef.parse("ACME-AGENT-POLICY@1.0:AP-1.1"))).hasSize(2);
  }
}
