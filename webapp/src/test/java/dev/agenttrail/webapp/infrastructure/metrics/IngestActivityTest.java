package dev.agenttrail.webapp.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestActivityTest {

  @Test
  void shouldBeQuietUntilSomethingIsIngested() {
    assertThat(new IngestActivity().busy()).isFalse();
  }

  @Test
  void shouldBeBusyWhileABatchIsStoredHoweverLongItTakes() throws InterruptedException {
    IngestActivity activity = new IngestActivity();
    activity.storing();
    Thread.sleep(IngestActivity.QUIET_NANOS / 1_000_000 + 50);
    assertThat(activity.busy()).isTrue();
    activity.stored();
    assertThat(activity.busy()).as("just answered").isTrue();
  }

  @Test
  void shouldBecomeQuietAShortWhileAfterTheLastRequest() throws InterruptedException {
    IngestActivity activity = new IngestActivity();
    activity.touch();
    assertThat(activity.busy()).isTrue();
    Thread.sleep(IngestActivity.QUIET_NANOS / 1_000_000 + 50);
    assertThat(activity.busy()).isFalse();
  }
}
