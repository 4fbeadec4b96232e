package dev.agenttrail.webapp.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTimingFilterTest {

  @Test
  void shouldGiveMillisecondsWithOneDecimal() {
    assertThat(ServerTimingFilter.value(123_456_789)).isEqualTo("app;dur=123.4");
    assertThat(ServerTimingFilter.value(50_000)).isEqualTo("app;dur=0.0");
    assertThat(ServerTimingFilter.value(2_000_000_000L)).isEqualTo("app;dur=2000.0");
  }
}
