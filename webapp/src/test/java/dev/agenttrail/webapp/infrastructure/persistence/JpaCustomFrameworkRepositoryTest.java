package dev.agenttrail.webapp.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class JpaCustomFrameworkRepositoryTest {

  private static final Instant UPLOADED = Instant.parse("2026-11-23T08:00:00.123456Z");

  @Test
  void shouldReadTheLatestUploadTimeWhateverTypeTheAggregateHasOnEitherDatabase() {
    LocalDateTime utc = LocalDateTime.parse("2026-11-23T08:00:00.123456");

    assertThat(JpaCustomFrameworkRepository.instant(UPLOADED)).contains(UPLOADED);
    assertThat(JpaCustomFrameworkRepository.instant(utc)).contains(UPLOADED);
    assertThat(JpaCustomFrameworkRepository.instant(Timestamp.valueOf(utc))).contains(UPLOADED);
    assertThat(JpaCustomFrameworkRepository.instant(null)).isEmpty();
  }
}
