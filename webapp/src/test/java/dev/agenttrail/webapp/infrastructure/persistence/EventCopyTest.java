package dev.agenttrail.webapp.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agenttrail.domain.event.EventRecord;
import dev.agenttrail.domain.event.EventType;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The rows the ledger sends PostgreSQL's COPY: text format, as PostgreSQL reads it back. The round
 * trip through a real server is in the ledger contract ({@code LedgerContract}), which the
 * PostgreSQL integration tests run.
 */
class EventCopyTest {

  @Test
  void escapesBackslashTabNewlineAndCarriageReturnAndWritesNullAsBackslashN() {
    StringBuilder out = new StringBuilder();
    EventCopy.value(out, "a\\b\tc\nd\re \"f\" ü ✓");
    out.append('|');
    EventCopy.value(out, null);
    out.append('|');
    EventCopy.value(out, "");

    assertEquals("a\\\\b\\tc\\nd\\re \"f\" ü ✓|\\N|", out.toString());
  }

  @Test
  void roundsTimestampsToMicrosecondsHalfUpAsTheDriverDoesForAnInsert() {
    LocalDateTime t = LocalDateTime.of(2026, 11, 23, 8, 15, 0);

    assertEquals("2026-11-23 08:15:00.000000", EventCopy.timestamp(t));
    assertEquals("2026-11-23 08:15:00.123456", EventCopy.timestamp(t.plusNanos(123_456_499)));
    assertEquals("2026-11-23 08:15:00.123457", EventCopy.timestamp(t.plusNanos(123_456_500)));
    assertEquals("2026-11-23 08:15:01.000000", EventCopy.timestamp(t.plusNanos(999_999_500)));
  }

  @Test
  void writesOneLineOfThirteenTabSeparatedColumnsInTheInsertsOrder() {
    EventRecord e = new EventRecord("gw", "e-1", Instant.parse("2026-11-23T08:15:00.5Z"), EventType.TOOL_INVOCATION,
        "spiffe://acme/agents/a\tb", null, "T-1", "crm.lookup", null, "{\"reason\":\"say \\\"no\\\"\"}");
    StringBuilder out = new StringBuilder();

    EventCopy.line(out, new JdbcLedger.Row(7, e, "ab".repeat(32)), "2026-11-23 09:00:00.000001");

    assertEquals("7\tgw\te-1\t2026-11-23 08:15:00.500000\t2026-11-23 09:00:00.000001\ttool.invocation\t"
        + "spiffe://acme/agents/a\\tb\t\\N\tT-1\tcrm.lookup\t\\N\t{\"reason\":\"say \\\\\"no\\\\\"\"}\t" + "ab".repeat(32) + "\n",
        out.toString());
    assertEquals(13, out.toString().split("\t", -1).length);
  }
}
