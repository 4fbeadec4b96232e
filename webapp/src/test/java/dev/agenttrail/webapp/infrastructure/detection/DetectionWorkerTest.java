package dev.agenttrail.webapp.infrastructure.detection;

import static dev.agenttrail.webapp.infrastructure.detection.DetectionWorker.deferToIngest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DetectionWorkerTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final Duration MAX = Duration.ofSeconds(30);

  @Test
  void shouldLetIngestGoFirstWhileDetectionIsLessThanTheBoundBehind() {
    assertThat(deferToIngest(true, NOW.minusSeconds(5), NOW, MAX)).isTrue();
  }

  @Test
  void shouldRunFlatOutOnceTheBoundIsReached() {
    assertThat(deferToIngest(true, NOW.minusSeconds(30), NOW, MAX)).isFalse();
    assertThat(deferToIngest(true, NOW.minusSeconds(300), NOW, MAX)).isFalse();
  }

  @Test
  void shouldNotDeferWhenNothingIsIngestedOrTheDeferralIsOff() {
    assertThat(deferToIngest(false, NOW.minusSeconds(5), NOW, MAX)).isFalse();
    assertThat(deferToIngest(true, NOW.minusSeconds(5), NOW, Duration.ZERO)).isFalse();
    assertThat(deferToIngest(true, null, NOW, MAX)).as("a step that processed nothing").isFalse();
  }
}
