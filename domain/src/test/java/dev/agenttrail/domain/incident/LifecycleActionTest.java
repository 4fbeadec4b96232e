package dev.agenttrail.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleActionTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void shouldMoveAnOpenIncidentThroughItsLifecycle() {
    assertThat(LifecycleAction.ACKNOWLEDGE.apply(IncidentStatus.OPEN, null, null, NOW)).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(LifecycleAction.RESOLVE.apply(IncidentStatus.ACKNOWLEDGED, "fixed the policy", null, NOW)).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(LifecycleAction.REOPEN.apply(IncidentStatus.RESOLVED, "it happened again", null, NOW)).isEqualTo(IncidentStatus.OPEN);
    assertThat(LifecycleAction.ACCEPT_RISK.apply(IncidentStatus.OPEN, "until the migration", NOW.plusSeconds(3600), NOW))
        .isEqualTo(IncidentStatus.RISK_ACCEPTED);
  }

  @Test
  void shouldRequireAReasonForAFalsePositiveAndAFutureExpiryForAnAcceptedRisk() {
    assertThatThrownBy(() -> LifecycleAction.FALSE_POSITIVE.apply(IncidentStatus.OPEN, " ", null, NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("A reason is required to mark a false positive.");
    assertThatThrownBy(() -> LifecycleAction.ACCEPT_RISK.apply(IncidentStatus.OPEN, "ok", null, NOW))
        .hasMessageContaining("expiry");
    assertThatThrownBy(() -> LifecycleAction.ACCEPT_RISK.apply(IncidentStatus.OPEN, "ok", NOW.minusSeconds(1), NOW))
        .hasMessageContaining("in the future");
  }

  @Test
  void shouldRefuseATransitionFromTheWrongStatus() {
    assertThatThrownBy(() -> LifecycleAction.ACKNOWLEDGE.apply(IncidentStatus.RESOLVED, null, null, NOW))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("resolved cannot be acknowledged");
    assertThat(LifecycleAction.of("accept-risk")).contains(LifecycleAction.ACCEPT_RISK);
  }
}
