package dev.agenttrail.webapp.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.domain.escalation.ApprovalRegistry;
import dev.agenttrail.domain.escalation.ApprovalRequest;
import dev.agenttrail.domain.escalation.Approver;
import dev.agenttrail.domain.escalation.CaseState;
import dev.agenttrail.domain.escalation.CaseStep;
import dev.agenttrail.domain.escalation.Decider;
import dev.agenttrail.domain.escalation.EscalationCase;
import dev.agenttrail.domain.escalation.EscalationLevel;
import dev.agenttrail.domain.escalation.EscalationPolicy;
import dev.agenttrail.domain.escalation.PolicyMatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cases in a real (in-memory H2) database migrated by the application's Flyway scripts: a deadline
 * survives a restart (a new store instance with nothing in memory), two instances firing the same
 * deadline record it once, and detection's registry reads what was decided.
 */
class JdbcEscalationCasesTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  private final EscalationPolicy policy = new EscalationPolicy("payments", PolicyMatch.everything(),
      List.of(new EscalationLevel(List.of(Approver.parse("role:APPROVER")), Duration.ofMinutes(15)),
          new EscalationLevel(List.of(Approver.parse("user:risk-officer")), Duration.ofHours(1))));

  private JdbcDataSource dataSource;

  @BeforeEach
  void migrate() {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:esc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  private EscalationCase open(JdbcEscalationCases store, String approvalId) {
    ApprovalRequest request = new ApprovalRequest("prod-gw", approvalId, "e-" + approvalId, 1, "spiffe://acme/agents/billing",
        "bob", "payments.refund", "refund", null, "restricted", T0);
    EscalationCase c = EscalationCase.open("esc-" + UUID.randomUUID(), policy, request, T0);
    store.insert(c);
    return c;
  }

  @Test
  void shouldResumeADeadlineAfterARestart() {
    String id = open(JdbcEscalationCases.over(dataSource), "ap-1").id();

    JdbcEscalationCases afterRestart = JdbcEscalationCases.over(dataSource);
    Instant later = T0.plus(Duration.ofMinutes(16));
    assertThat(afterRestart.due(T0.plus(Duration.ofMinutes(14)), 10)).doesNotContain(id);
    assertThat(afterRestart.due(later, 10)).contains(id);

    EscalationCase c = afterRestart.find(id, false).orElseThrow();
    assertThat(c.advance(later)).isTrue();
    assertThat(afterRestart.update(c)).isTrue();

    EscalationCase stored = afterRestart.find(id, false).orElseThrow();
    assertThat(stored.state()).isEqualTo(CaseState.ESCALATED);
    assertThat(stored.level()).isEqualTo(2);
    assertThat(stored.deadline()).isEqualTo(later.plus(Duration.ofHours(1)));
    assertThat(afterRestart.history(id)).extracting(CaseStep::kind).containsExactly(CaseStep.Kind.OPENED, CaseStep.Kind.ESCALATED);
  }

  @Test
  void shouldRecordADeadlineOnceWhenTwoInstancesFireIt() {
    String id = open(JdbcEscalationCases.over(dataSource), "ap-2").id();
    JdbcEscalationCases first = JdbcEscalationCases.over(dataSource);
    JdbcEscalationCases second = JdbcEscalationCases.over(dataSource);
    Instant later = T0.plus(Duration.ofMinutes(16));

    EscalationCase a = first.find(id, false).orElseThrow();
    EscalationCase b = second.find(id, false).orElseThrow();
    a.advance(later);
    b.advance(later);

    assertThat(List.of(first.update(a), second.update(b))).containsExactlyInAnyOrder(true, false);
    assertThat(first.history(id)).extracting(CaseStep::kind).containsExactly(CaseStep.Kind.OPENED, CaseStep.Kind.ESCALATED);
  }

  @Test
  void shouldTellDetectionWhetherAnActionWasApproved() {
    JdbcEscalationCases store = JdbcEscalationCases.over(dataSource);
    ApprovalRegistry registry = JdbcApprovalRegistry.over(store);
    EscalationCase approved = store.find(open(store, "ap-ok").id(), false).orElseThrow();
    approved.decide(new Decider("alice", Set.of("APPROVER")), true, "ok", T0.plusSeconds(60));
    store.update(approved);
    EscalationCase expired = store.find(open(store, "ap-late").id(), false).orElseThrow();
    expired.advance(T0.plus(Duration.ofMinutes(15)));
    expired.advance(T0.plus(Duration.ofMinutes(80)));
    store.update(expired);
    String pending = open(store, "ap-wait").id();

    ApprovalRegistry.ApprovalStatus ok = registry.approval("prod-gw", "ap-ok").orElseThrow();
    assertThat(ok.approved()).isTrue();
    assertThat(ok.state()).isEqualTo("approved");
    assertThat(ok.decidedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(registry.approval("other-gw", approved.id())).map(ApprovalRegistry.ApprovalStatus::approved).contains(true);
    ApprovalRegistry.ApprovalStatus late = registry.approval("prod-gw", "ap-late").orElseThrow();
    assertThat(late.state()).isEqualTo("expired");
    assertThat(late.approved()).isFalse();
    assertThat(registry.approval("prod-gw", pending).orElseThrow().decidedAt()).isNull();
    assertThat(registry.approval("other-gw", "ap-ok")).isEmpty();
    assertThat(registry.approval("prod-gw", "nothing")).isEmpty();
  }
}
