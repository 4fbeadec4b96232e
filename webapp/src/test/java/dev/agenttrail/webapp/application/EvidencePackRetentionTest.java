package dev.agenttrail.webapp.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.webapp.infrastructure.persistence.H2Schema;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidencePackSchedules;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidencePacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schedule's history (what GET of a schedule shows) and the retention that deletes old packs. */
class EvidencePackRetentionTest {

  private static final Instant MONDAY = Instant.parse("2026-11-23T06:00:20Z");

  @TempDir
  Path dir;

  private final DataSource db = H2Schema.migrated();
  private final JdbcEvidencePacks packs = H2Schema.packs(db);
  private final JdbcEvidencePackSchedules schedules = H2Schema.schedules(db);

  @Test
  void shouldListAScheduleRunsWithStatusSizeDurationAndReason() {
    EvidencePackSchedules service = new EvidencePackSchedules(schedules, Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));
    String id = service.create(new EvidencePackSchedules.Settings("weekly", "0 6 * * MON", "P7D", List.of(), List.of(), 30, false), "amy").id();
    new EvidencePackSchedules(schedules, Clock.fixed(MONDAY, ZoneOffset.UTC)).runDue((scope, by, schedule, expires) ->
        packs.insert("run-1", scope.from(), scope.to(), scope.frameworks(), scope.agents(), schedule, by, MONDAY, expires));
    packs.started("run-1", MONDAY);
    packs.done("run-1", MONDAY.plusSeconds(2), 2000, 1234, 56789, "ab".repeat(32), dir.resolve("run-1.zip").toString());
    packs.insert("run-0", Instant.parse("2026-11-09T06:00:00Z"), Instant.parse("2026-11-16T06:00:00Z"), List.of(), List.of(), id,
        "schedule:weekly", MONDAY.minusSeconds(7 * 86400), MONDAY.plusSeconds(23 * 86400));
    packs.failed("run-0", MONDAY.minusSeconds(7 * 86400 - 5), 5000, "LedgerException: could not read the pack's events");

    List<JdbcEvidencePacks.PackRow> history = packs.list(id, 200);

    assertThat(history).extracting(JdbcEvidencePacks.PackRow::id).containsExactly("run-1", "run-0");
    assertThat(history.get(0)).satisfies(run -> {
      assertThat(run.status()).isEqualTo("done");
      assertThat(run.size()).isEqualTo(56789L);
      assertThat(run.durationMs()).isEqualTo(2000L);
      assertThat(run.requestedBy()).isEqualTo("schedule:weekly");
      assertThat(run.expiresAt()).isEqualTo(Instant.parse("2026-12-23T06:00:00Z"));
    });
    assertThat(history.get(1).status()).isEqualTo("failed");
    assertThat(history.get(1).reason()).isEqualTo("LedgerException: could not read the pack's events");
  }

  @Test
  void shouldDeletePacksPastTheirRetentionAndKeepTheirDownloadAudit() throws Exception {
    Path old = Files.writeString(dir.resolve("old.zip"), "old pack");
    Path kept = Files.writeString(dir.resolve("kept.zip"), "kept pack");
    packs.insert("old", MONDAY.minusSeconds(86400 * 40), MONDAY.minusSeconds(86400 * 33), List.of(), List.of(), null, "amy",
        MONDAY.minusSeconds(86400 * 33), MONDAY.minusSeconds(86400 * 3));
    packs.done("old", MONDAY.minusSeconds(86400 * 33), 1, 0, 8, "00".repeat(32), old.toString());
    packs.recordDownload("old", "auditor-ann", MONDAY.minusSeconds(86400 * 30));
    packs.insert("kept", MONDAY.minusSeconds(86400 * 7), MONDAY, List.of(), List.of(), null, "amy", MONDAY, MONDAY.plusSeconds(86400 * 30));
    packs.done("kept", MONDAY, 1, 0, 9, "00".repeat(32), kept.toString());
    packs.insert("forever", MONDAY.minusSeconds(86400 * 7), MONDAY, List.of(), List.of(), null, "amy", MONDAY, null);
    packs.insert("generating", MONDAY.minusSeconds(86400 * 40), MONDAY.minusSeconds(86400 * 33), List.of(), List.of(), null,
        "schedule:weekly", MONDAY.minusSeconds(60), MONDAY.minusSeconds(86400 * 3));
    packs.started("generating", MONDAY.minusSeconds(60));
    EvidencePackService service = new EvidencePackService();
    service.packs = packs;
    service.clock = Clock.fixed(MONDAY, ZoneOffset.UTC);

    assertThat(service.purgeExpired()).isEqualTo(1);

    assertThat(packs.find("old")).isEmpty();
    assertThat(old).doesNotExist();
    assertThat(packs.find("kept")).isPresent();
    assertThat(kept).exists();
    assertThat(packs.find("forever")).isPresent();
    assertThat(packs.find("generating")).as("a pack being generated is never purged").isPresent();
    assertThat(packs.downloads("old")).extracting(JdbcEvidencePacks.Download::username).containsExactly("auditor-ann");
  }
}
