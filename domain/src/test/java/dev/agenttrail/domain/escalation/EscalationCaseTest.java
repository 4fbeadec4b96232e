package dev.agenttrail.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrail.domain.escalation.EscalationRefusedException.Reason;
import dev.agenttrail.domain.signal.Classification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The case lifecycle of issue #6 against a clock the test moves. */
class EscalationCaseTest {

  private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

  private final MutableClock clock = new MutableClock(START);

  private final EscalationPolicy payments = new EscalationPolicy("payments",
      new PolicyMatch(List.of("prod-gw"), List.of("payments.*"), List.of(), null, List.of()),
      List.of(new EscalationLevel(List.of(Approver.parse("role:APPROVER")), Duration.ofMinutes(15)),
          new EscalationLevel(List.of(Approver.parse("user:risk-officer")), Duration.ofHours(1))));

  private final Decider teamApprover = new Decider("alice", Set.of("APPROVER"));
  private final Decider riskOfficer = new Decider("risk-officer", Set.of("APPROVER"));

  private static ApprovalRequest request(String tool, String onBehalfOf) {
    return new ApprovalRequest("prod-gw", "ap-123", "e-1", 1, "spiffe://acme/agents/billing", onBehalfOf, tool, "refund",
        null, "restricted", START);
  }

  private EscalationCase openCase() {
    return EscalationCase.open("esc-1", payments, request("payments.refund", "bob"), clock.instant());
  }

  @Test
  void shouldGoThroughEveryLevelAndExpireAfterTheLast() {
    EscalationCase c = openCase();
    assertThat(c.state()).isEqualTo(CaseState.OPEN);
    assertThat(c.deadline()).isEqualTo(START.plus(Duration.ofMinutes(15)));

    clock.advance(Duration.ofMinutes(14));
    assertThat(c.advance(clock.instant())).isFalse();
    assertThat(c.level()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    assertThat(c.advance(clock.instant())).isTrue();
    assertThat(c.state()).isEqualTo(CaseState.ESCALATED);
    assertThat(c.level()).isEqualTo(2);
    assertThat(c.deadline()).isEqualTo(START.plus(Duration.ofMinutes(75)));

    clock.advance(Duration.ofMinutes(59));
    assertThat(c.advance(clock.instant())).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(c.advance(clock.instant())).isTrue();
    assertThat(c.state()).isEqualTo(CaseState.EXPIRED);
    assertThat(c.approved()).isFalse();
    assertThat(c.decidedAt()).isEqualTo(START.plus(Duration.ofMinutes(75)));
    assertThat(c.advance(clock.instant().plusSeconds(3600))).isFalse();

    assertThat(c.newSteps()).extracting(CaseStep::kind, CaseStep::level, CaseStep::deadlineMet).containsExactly(
        org.assertj.core.groups.Tuple.tuple(CaseStep.Kind.OPENED, 1, null),
        org.assertj.core.groups.Tuple.tuple(CaseStep.Kind.ESCALATED, 1, false),
        org.assertj.core.groups.Tuple.tuple(CaseStep.Kind.EXPIRED, 2, false));
  }

  @Test
  void shouldLetTheSecondLevelApproveAfterEscalation() {
    EscalationCase c = openCase();
    clock.advance(Duration.ofMinutes(20));

    assertThatThrownBy(() -> c.decide(teamApprover, true, "fine", clock.instant()))
        .isInstanceOfSatisfying(EscalationRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_APPROVER));
    assertThat(c.level()).isEqualTo(2);

    clock.advance(Duration.ofMinutes(5));
    c.decide(riskOfficer, true, "refund within limits", clock.instant());
    assertThat(c.state()).isEqualTo(CaseState.APPROVED);
    assertThat(c.approved()).isTrue();
    assertThat(c.decidedBy()).isEqualTo("risk-officer");
    CaseStep last = c.newSteps().get(c.newSteps().size() - 1);
    assertThat(last.kind()).isEqualTo(CaseStep.Kind.APPROVED);
    assertThat(last.level()).isEqualTo(2);
    assertThat(last.deadlineMet()).isTrue();
    assertThat(last.elapsed()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void shouldRecordARejectionWithItsReason() {
    EscalationCase c = openCase();
    clock.advance(Duration.ofMinutes(3));
    c.decide(teamApprover, false, "no ticket", clock.instant());

    assertThat(c.state()).isEqualTo(CaseState.REJECTED);
    assertThat(c.approved()).isFalse();
    assertThat(c.reason()).isEqualTo("no ticket");
    assertThatThrownBy(() -> c.decide(riskOfficer, true, "override", clock.instant()))
        .isInstanceOfSatisfying(EscalationRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_DECIDED));
  }

  @Test
  void shouldRefuseADecisionAfterExpiryEvenBeforeTheTimerRan() {
    EscalationCase c = openCase();
    clock.advance(Duration.ofMinutes(15));
    c.advance(clock.instant());
    clock.advance(Duration.ofHours(2));

    assertThatThrownBy(() -> c.decide(riskOfficer, true, "late", clock.instant()))
        .isInstanceOfSatisfying(EscalationRefusedException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
          assertThat(e.getMessage()).contains("expired at 2026-11-23T09:15:00Z");
        });
    assertThat(c.state()).isEqualTo(CaseState.EXPIRED);
    assertThat(c.approved()).isFalse();
  }

  @Test
  void shouldRefuseSelfApprovalButLetAnotherApproverDecide() {
    EscalationCase c = openCase();
    Decider requester = new Decider("bob", Set.of("APPROVER"));

    assertThatThrownBy(() -> c.decide(requester, true, "mine", clock.instant()))
        .isInstanceOfSatisfying(EscalationRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SELF_APPROVAL));
    assertThat(c.state()).isEqualTo(CaseState.OPEN);

    c.decide(teamApprover, true, "ok", clock.instant());
    assertThat(c.state()).isEqualTo(CaseState.APPROVED);
  }

  @Test
  void shouldTakeTheAgentAsRequesterWhenNobodyIsNamed() {
    EscalationCase c = EscalationCase.open("esc-2", payments, request("payments.refund", null), clock.instant());
    Decider agent = new Decider("spiffe://acme/agents/billing", Set.of("APPROVER"));

    assertThatThrownBy(() -> c.decide(agent, true, "mine", clock.instant()))
        .isInstanceOfSatisfying(EscalationRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SELF_APPROVAL));
  }

  @Test
  void shouldKeepTheDeadlineWhenAcknowledged() {
    EscalationCase c = openCase();
    clock.advance(Duration.ofMinutes(2));
    c.acknowledge(teamApprover, clock.instant());
    assertThat(c.state()).isEqualTo(CaseState.ACKNOWLEDGED);
    assertThat(c.deadline()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    clock.advance(Duration.ofMinutes(13));
    assertThat(c.advance(clock.instant())).isTrue();
    assertThat(c.state()).isEqualTo(CaseState.ESCALATED);
  }

  @Test
  void shouldResumeARestoredCaseAtItsStoredDeadline() {
    EscalationCase before = openCase();
    EscalationCase after = EscalationCase.restore(before.id(), before.policy(), before.levels(), before.request(),
        before.openedAt(), before.state(), before.level(), before.levelStartedAt(), before.deadline(), null, null, null, false, 1);
    clock.advance(Duration.ofMinutes(16));

    assertThat(after.advance(clock.instant())).isTrue();
    assertThat(after.level()).isEqualTo(2);
    assertThat(after.version()).isEqualTo(1);
  }

  @Test
  void shouldMatchToolSourceAndClassificationPatterns() {
    assertThat(payments.covers(request("payments.refund", null))).isTrue();
    assertThat(payments.covers(request("search", null))).isFalse();
    PolicyMatch restricted = new PolicyMatch(List.of(), List.of(), List.of("write*"), Classification.RESTRICTED, List.of());
    ApprovalRequest write = new ApprovalRequest("any", null, "e", 1, "a", null, "db", "write", null, "restricted", START);
    ApprovalRequest confidential = new ApprovalRequest("any", null, "e", 1, "a", null, "db", "write", null, "confidential", START);
    ApprovalRequest unclassified = new ApprovalRequest("any", null, "e", 1, "a", null, "db", "write", null, null, START);
    assertThat(restricted.matches(write)).isTrue();
    assertThat(restricted.matches(confidential)).isFalse();
    assertThat(restricted.matches(unclassified)).isFalse();
    assertThat(PolicyMatch.glob("*.refund*").matcher("payments.refund.v2").matches()).isTrue();
    assertThat(PolicyMatch.glob("payments.*").matcher("paymentsXrefund").matches()).isFalse();
  }
}
