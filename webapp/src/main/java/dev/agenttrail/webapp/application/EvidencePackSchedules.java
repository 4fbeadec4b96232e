package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.shared.CronExpression;
import dev.agenttrail.reports.evidence.PackScope;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidencePackSchedules;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidencePackSchedules.ScheduleRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evidence-pack schedules: create, edit, pause, delete, and {@link #runDue}, which every instance
 * calls periodically. A due schedule runs once across instances: each instance tries to move its
 * {@code next_run} on with a conditional UPDATE and only the one that succeeds requests the pack.
 * Cron expressions are evaluated in UTC; a run at T covers {@code [T - lookback, T)}.
 */
@ApplicationScoped
public class EvidencePackSchedules {

  private static final Logger LOG = Logger.getLogger(EvidencePackSchedules.class.getName());

  /** Requests a pack for a schedule's run. */
  public interface Requester {
    void request(PackScope scope, String requestedBy, String scheduleId, Instant expiresAt);
  }

  /** What a caller sends to create or replace a schedule. */
  public record Settings(String name, String cron, String lookback, List<String> frameworks, List<String> agents,
      int retentionDays, boolean paused) {}

  private JdbcEvidencePackSchedules store;
  private Clock clock;

  protected EvidencePackSchedules() {}

  @Inject
  public EvidencePackSchedules(JdbcEvidencePackSchedules store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public ScheduleRow create(Settings s, String user) {
    CronExpression cron = validate(s);
    Instant now = clock.instant();
    ScheduleRow row = new ScheduleRow(UUID.randomUUID().toString(), s.name(), s.cron(), s.lookback(), s.frameworks(),
        s.agents(), s.retentionDays(), s.paused(), next(cron, now), user, now, now);
    store.insert(row);
    return row;
  }

  public ScheduleRow replace(String id, Settings s) {
    CronExpression cron = validate(s);
    ScheduleRow old = get(id);
    Instant now = clock.instant();
    ScheduleRow row = new ScheduleRow(id, s.name(), s.cron(), s.lookback(), s.frameworks(), s.agents(), s.retentionDays(),
        s.paused(), next(cron, now), old.createdBy(), old.createdAt(), now);
    if (!store.replace(row)) {
      throw new NotFoundException("There is no evidence pack schedule '" + id + "'");
    }
    return row;
  }

  public ScheduleRow get(String id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("There is no evidence pack schedule '" + id + "'"));
  }

  public List<ScheduleRow> list() {
    return store.list();
  }

  public void delete(String id) {
    if (!store.delete(id)) {
      throw new NotFoundException("There is no evidence pack schedule '" + id + "'");
    }
  }

  /** Runs every due schedule this instance wins; answers the ids of the schedules it ran. */
  public List<String> runDue(Requester requester) {
    Instant now = clock.instant();
    List<String> ran = new ArrayList<>();
    for (ScheduleRow s : store.due(now)) {
      Instant runAt = s.nextRun();
      Instant following;
      try {
        following = next(CronExpression.parse(s.cron()), now);
      } catch (IllegalArgumentException e) {
        LOG.log(Level.WARNING, "evidence pack schedule " + s.id() + " has an invalid cron expression", e);
        continue;
      }
      if (!store.claim(s.id(), runAt, following)) {
        continue; // another instance ran it
      }
      PackScope scope = new PackScope(runAt.minus(Duration.parse(s.lookback())), runAt, s.frameworks(), s.agents());
      try {
        requester.request(scope, "schedule:" + s.name(), s.id(), runAt.plus(Duration.ofDays(s.retentionDays())));
        ran.add(s.id());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "evidence pack schedule " + s.id() + " could not request its pack", e);
      }
    }
    return ran;
  }

  private static Instant next(CronExpression cron, Instant after) {
    return cron.next(after.atZone(ZoneOffset.UTC)).toInstant();
  }

  private static CronExpression validate(Settings s) {
    if (s.name() == null || s.name().isBlank() || s.name().length() > 128) {
      throw new InvalidRequestException("/name", "'name' is required, at most 128 characters");
    }
    CronExpression cron;
    try {
      cron = CronExpression.parse(s.cron() == null ? "" : s.cron());
      cron.next(java.time.ZonedDateTime.now(ZoneOffset.UTC));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("/cron", e.getMessage());
    }
    try {
      Duration lookback = Duration.parse(s.lookback() == null ? "" : s.lookback());
      if (lookback.isNegative() || lookback.isZero() || lookback.toDays() > 3660) {
        throw new InvalidRequestException("/lookback", "'lookback' must be a positive ISO 8601 duration of at most 3660 days");
      }
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("/lookback", "'lookback' must be an ISO 8601 duration such as P7D");
    }
    if (s.retentionDays() < 1 || s.retentionDays() > 36600) {
      throw new InvalidRequestException("/retentionDays", "'retentionDays' must be 1 to 36600");
    }
    return cron;
  }
}
