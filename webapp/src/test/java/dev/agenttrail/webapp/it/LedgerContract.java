package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The hash chain: it verifies, and it names the first entry changed behind AgentTrail's back. */
interface LedgerContract extends Deployed {

  @Test
  default void shouldVerifyTheLedgerAndReportItsHead() {
    Api.Source source = api().newSource();
    api().events(source.key(), "[" + Api.event(Api.uniqueId()) + "," + Api.event(Api.uniqueId()) + "]");

    JsonObject v = api().get("api/v1/ledger/verify", Api.ADMIN_TOKEN).json();

    assertThat(v.getBoolean("verified")).isTrue();
    assertThat(v.getJsonNumber("count").longValue()).isGreaterThanOrEqualTo(2);
    assertThat(v.getString("head")).hasSize(64);
  }

  @Test
  default void shouldNameTheFirstBrokenSeqWhenARowIsChangedInTheDatabase() throws Exception {
    Api.Source source = api().newSource();
    String id = Api.uniqueId();
    Api.Reply receipt = api().events(source.key(), "[" + Api.event(id) + "," + Api.event(Api.uniqueId()) + "]");
    long seq = receipt.json().getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();

    try (Connection db = database()) {
      String original;
      try (PreparedStatement s = db.prepareStatement("SELECT payload FROM event WHERE seq = ?")) {
        s.setLong(1, seq);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          original = rs.getString(1);
        }
      }
      update(db, seq, original.replace("\"search\"", "\"payments.refund\""));
      try {
        JsonObject v = api().get("api/v1/ledger/verify", Api.ADMIN_TOKEN).json();
        assertThat(v.getBoolean("verified")).isFalse();
        assertThat(v.getJsonNumber("brokenSeq").longValue()).isEqualTo(seq);

        JsonObject before = api().get("api/v1/ledger/verify?to=" + (seq - 1), Api.ADMIN_TOKEN).json();
        assertThat(before.getBoolean("verified")).isTrue();
      } finally {
        update(db, seq, original);
      }
    }
    assertThat(api().get("api/v1/ledger/verify", Api.ADMIN_TOKEN).json().getBoolean("verified")).isTrue();
  }

  @Test
  default void shouldVerifyARangeOfTheLedger() {
    Api.Source source = api().newSource();
    JsonObject receipt = api().events(source.key(), "[" + Api.event(Api.uniqueId()) + "," + Api.event(Api.uniqueId())
        + "," + Api.event(Api.uniqueId()) + "]").json();
    long first = receipt.getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();

    JsonObject v = api().get("api/v1/ledger/verify?from=" + first + "&to=" + (first + 2), Api.ADMIN_TOKEN).json();

    assertThat(v.getBoolean("verified")).isTrue();
    assertThat(v.getInt("count")).isEqualTo(3);
    assertThat(api().get("api/v1/ledger/verify?from=zero", Api.ADMIN_TOKEN).status()).isEqualTo(400);
    assertThat(api().get("api/v1/ledger/verify?from=5&to=4", Api.ADMIN_TOKEN).json().getJsonArray("errors")
        .getJsonObject(0).getString("pointer")).isEqualTo("/to");
  }

  /**
   * Strings with backslashes, quotes, tabs, newlines and characters beyond ASCII, and a time with
   * microseconds, come back exactly as sent: from the columns (a filter finds the event, the row
   * holds the values) and from the payload, and the chain verifies. On PostgreSQL the rows are
   * written with COPY, whose text format escapes these characters.
   */
  @Test
  default void shouldStoreEveryCharacterExactlyAsSent() throws Exception {
    Api.Source source = api().newSource();
    String id = Api.uniqueId();
    String agent = "spiffe://acme/agents/a\\b\"c\td";
    String session = "s\n1";
    String task = "T\r\\N-ü";
    String tool = "crm\\lookup ✓";
    String reason = "say \\\"no\\\"\tthen\nstop \\N";
    String event = "{\"id\":\"" + id + "\",\"occurredAt\":\"2026-11-23T08:15:00.123456Z\",\"type\":\"policy.decision\","
        + "\"agent\":{\"id\":" + quoted(agent) + ",\"session\":" + quoted(session) + ",\"task\":" + quoted(task) + "},"
        + "\"action\":{\"tool\":" + quoted(tool) + "},\"decision\":{\"outcome\":\"deny\",\"reason\":" + quoted(reason) + "}}";
    long seq = api().events(source.key(), "[" + event + "]").json().getJsonArray("items").getJsonObject(0)
        .getJsonNumber("seq").longValue();

    JsonObject stored = api().get("api/v1/events/" + source.name() + "/" + id, Api.ADMIN_TOKEN).json().getJsonObject("event");
    assertThat(stored.getJsonObject("agent").getString("id")).isEqualTo(agent);
    assertThat(stored.getJsonObject("agent").getString("session")).isEqualTo(session);
    assertThat(stored.getJsonObject("agent").getString("task")).isEqualTo(task);
    assertThat(stored.getJsonObject("action").getString("tool")).isEqualTo(tool);
    assertThat(stored.getJsonObject("decision").getString("reason")).isEqualTo(reason);
    assertThat(stored.getString("occurredAt")).isEqualTo("2026-11-23T08:15:00.123456Z");

    JsonObject found = api().get("api/v1/events?agent=" + URLEncoder.encode(agent, StandardCharsets.UTF_8)
        + "&limit=5", Api.ADMIN_TOKEN).json();
    assertThat(found.getJsonArray("items")).hasSize(1);
    assertThat(found.getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue()).isEqualTo(seq);

    try (Connection db = database();
        PreparedStatement s = db.prepareStatement("SELECT agent_id, session_id, task, tool, outcome, occurred_at FROM event WHERE seq = ?")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(agent);
        assertThat(rs.getString(2)).isEqualTo(session);
        assertThat(rs.getString(3)).isEqualTo(task);
        assertThat(rs.getString(4)).isEqualTo(tool);
        assertThat(rs.getString(5)).isEqualTo("deny");
        assertThat(rs.getObject(6, LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-11-23T08:15:00.123456"));
      }
    }
    assertThat(api().get("api/v1/ledger/verify?from=" + seq + "&to=" + seq, Api.ADMIN_TOKEN).json().getBoolean("verified")).isTrue();
  }

  private static String quoted(String value) {
    return Json.createValue(value).toString();
  }

  private static void update(Connection db, long seq, String payload) throws Exception {
    try (PreparedStatement s = db.prepareStatement("UPDATE event SET payload = ? WHERE seq = ?")) {
      s.setString(1, payload);
      s.setLong(2, seq);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }
}
