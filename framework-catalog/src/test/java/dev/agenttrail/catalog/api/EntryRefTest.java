package dev.agenttrail.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntryRefTest {

  @Test
  void shouldParseAndPrintTheDocumentedStringForm() {
    EntryRef ref = EntryRef.parse("OWASP-ASI-2026@2026:ASI02");

    assertThat(ref.frameworkId()).isEqualTo("OWASP-ASI-2026");
    assertThat(ref.version()).isEqualTo("2026");
    assertThat(ref.entryId()).isEqualTo("ASI02");
    assertThat(ref)
        .hasToString("OWASP-ASI-2026@2026:ASI02")
        .isEqualTo(EntryRef.of("OWASP-ASI-2026", "2026", "ASI02"));
  }

  @Test
  void shouldKeepSpacesAndDotsOfNistIds() {
    EntryRef ref = EntryRef.parse("NIST-AI-RMF-1.0@1.0:MEASURE 2.4");

    assertThat(ref.frameworkId()).isEqualTo("NIST-AI-RMF-1.0");
    assertThat(ref.version()).isEqualTo("1.0");
    assertThat(ref.entryId()).isEqualTo("MEASURE 2.4");
  }

  @Test
  void shouldRejectStringsThatAreNotEntryReferences() {
    assertThatThrownBy(() -> EntryRef.parse("OWASP-ASI-2026:ASI02"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FRAMEWORK@VERSION:ENTRY");
    assertThatThrownBy(() -> EntryRef.parse("@2026:ASI02"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntryRef.parse("OWASP-ASI-2026@:ASI02"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntryRef.parse("OWASP-ASI-2026@2026:"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntryRef.of("X", "1", " padded"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldPrintControlAndSignalEndsWithTheirPrefix() {
    assertThat(ControlId.of("CTRL-01").asString()).isEqualTo("control:CTRL-01");
    assertThat(SignalId.of("UNDECLARED_TOOL").asString()).isEqualTo("signal:UNDECLARED_TOOL");
    assertThatThrownBy(() -> SignalId.of("undeclared-tool"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
