package dev.agenttrail.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomFrameworkFileTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  @Test
  void shouldKeepTheFileAsSentWithItsSha256() {
    CustomFrameworkFile file =
        CustomFrameworkFile.upload("ACME-POLICY", "1.0", "acme.json", "{}", "amy", NOW);

    assertThat(file.key()).isEqualTo("ACME-POLICY@1.0");
    assertThat(file.content()).isEqualTo("{}");
    assertThat(file.sha256())
        .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    assertThat(file.uploadedBy()).isEqualTo("amy");
    assertThat(file.uploadedAt()).isEqualTo(NOW);
    assertThat(file.id()).hasSize(36);
  }

  @Test
  void shouldBeEqualToAnotherFileOfTheSameFrameworkVersion() {
    CustomFrameworkFile a = CustomFrameworkFile.upload("ACME", "1.0", "a.json", "{}", "amy", NOW);
    CustomFrameworkFile b = CustomFrameworkFile.upload("ACME", "1.0", "b.json", "[]", "bob", NOW);
    CustomFrameworkFile c = CustomFrameworkFile.upload("ACME", "2.0", "a.json", "{}", "amy", NOW);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
  }

  @Test
  void shouldRefuseWhatTheTableCannotHold() {
    assertThatThrownBy(() -> CustomFrameworkFile.upload("ACME:1", "1.0", "a.json", "{}", "amy", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CustomFrameworkFile.upload("ACME", "1.0", " ", "{}", "amy", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    String tooLong = "x".repeat(CustomFrameworkFile.MAX_CONTENT_LENGTH + 1);
    assertThatThrownBy(() -> CustomFrameworkFile.upload("ACME", "1.0", "a.json", tooLong, "amy", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldStampFilesWithTheirCountAndLatestUpload() {
    CustomFrameworkFile a = CustomFrameworkFile.upload("A", "1", "a.json", "{}", "amy", NOW);
    CustomFrameworkFile b =
        CustomFrameworkFile.upload("B", "1", "b.json", "{}", "amy", NOW.plusSeconds(5));

    assertThat(CustomFrameworkStamp.of(List.of(b, a)))
        .isEqualTo(new CustomFrameworkStamp(2, Optional.of(NOW.plusSeconds(5))));
    assertThat(CustomFrameworkStamp.of(List.of())).isEqualTo(CustomFrameworkStamp.EMPTY);
  }
}
