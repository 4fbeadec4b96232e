package dev.agenttrail.webapp.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrail.reports.evidence.PackScope;
import dev.agenttrail.webapp.infrastructure.persistence.H2Schema;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidencePackSchedules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class EvidencePackSchedulesTest {

  private static final Instant SUNDAY_EVENING = Instant.parse("2026-11-22T20:00:00Z");
  private static final Instant MONDAY_AFTER_SIX = Instant.parse("2026-11-23T06:00:20Z");

  private final DataSource db = H2Schema.migrated();
  private final JdbcEvidencePackSchedules store = H2Schema.schedules(db);

  private EvidencePackSchedules instance(Instant now) {
    return new EvidencePackSchedules(store, Clock.fixed(now, ZoneOffset.UTC));
  }

  private record Run(PackScope scope, String by, String schedule, Instant expires) {}

  private static EvidencePackSchedules.Settings weekly(boolean paused) {
    return new EvidencePackSchedules.Settings("weekly review", "0 6 * * MON", "P7D", List.of("OWASP-ASI-2026"), List.of(), 30, paused);
  }

  @Test
  void shouldRunADueScheduleOnceAcrossTwoInstancesForThePastWeek() throws Exception {
    String id = instance(SUNDAY_EVENING).create(weekly(false), "amy").id();
    assertThat(store.find(id).orElseThrow().nextRun()).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
    List<Run> runs = Collections.synchronizedList(new ArrayList<>());
    EvidencePackSchedules a = instance(MONDAY_AFTER_SIX);
    EvidencePackSchedules b = instance(MONDAY_AFTER_SIX);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<String>>> ran = new ArrayList<>();
      for (EvidencePackSchedules instance : List.of(a, b)) {
        ran.add(pool.submit(() -> {
          together.await();
          return instance.runDue((scope, by, schedule, expires) -> runs.add(new Run(scope, by, schedule, expires)));
        }));
      }
      assertThat(ran.get(0).get().size() + ran.get(1).get().size()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }

    assertThat(runs).singleElement().satisfies(run -> {
      assertThat(run.scope().from()).isEqualTo(Instant.parse("2026-11-16T06:00:00Z"));
      assertThat(run.scope().to()).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
      assertThat(run.scope().frameworks()).containsExactly("OWASP-ASI-2026");
      assertThat(run.schedule()).isEqualTo(id);
      assertThat(run.by()).isEqualTo("schedule:weekly review");
      assertThat(run.expires()).isEqualTo(Instant.parse("2026-12-23T06:00:00Z"));
    });
    assertThat(store.find(id).orElseThrow().nextRun()).isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
    assertThat(instance(MONDAY_AFTER_SIX.plusSeconds(30)).runDue((s, by, sc, e) -> runs.add(null))).isEmpty();
  }

  @Test
  void shouldNotRunAPausedScheduleAndRunItAgainOnceResumed() {
    EvidencePackSchedules schedules = instance(SUNDAY_EVENING);
    String id = schedules.create(weekly(true), "amy").id();
    List<PackScope> runs = new ArrayList<>();

    assertThat(instance(MONDAY_AFTER_SIX).runDue((scope, by, s, e) -> runs.add(scope))).isEmpty();
    schedules.replace(id, weekly(false));
    assertThat(instance(MONDAY_AFTER_SIX).runDue((scope, by, s, e) -> runs.add(scope))).containsExactly(id);
    assertThat(runs).hasSize(1);
  }

  @Test
  void shouldEditAndDeleteASchedule() {
    EvidencePackSchedules schedules = instance(SUNDAY_EVENING);
    String id = schedules.create(weekly(false), "amy").id();

    schedules.replace(id, new EvidencePackSchedules.Settings("daily", "30 1 * * *", "P1D", List.of(), List.of("bot"), 7, false));
    assertThat(schedules.get(id).cron()).isEqualTo("30 1 * * *");
    assertThat(schedules.get(id).agents()).containsExactly("bot");
    assertThat(schedules.get(id).nextRun()).isEqualTo(Instant.parse("2026-11-23T01:30:00Z"));
    schedules.delete(id);
    assertThat(schedules.list()).isEmpty();
    assertThatThrownBy(() -> schedules.get(id)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void shouldSayWhatIsWrongWithASchedule() {
    EvidencePackSchedules schedules = instance(SUNDAY_EVENING);

    assertThatThrownBy(() -> schedules.create(new EvidencePackSchedules.Settings("x", "0 6 * *", "P7D", List.of(), List.of(), 30, false), "amy"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.pointer()).isEqualTo("/cron"));
    assertThatThrownBy(() -> schedules.create(new EvidencePackSchedules.Settings("x", "0 6 * * 1", "7 days", List.of(), List.of(), 30, false), "amy"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.pointer()).isEqualTo("/lookback"));
    assertThatThrownBy(() -> schedules.create(new EvidencePackSchedules.Settings("x", "0 6 * * 1", "P7D", List.of(), List.of(), 0, false), "amy"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.pointer()).isEqualTo("/retentionDays"));
  }
}
