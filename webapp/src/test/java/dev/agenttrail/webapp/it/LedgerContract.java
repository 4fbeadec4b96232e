package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

  private static void update(Connection db, long seq, String payload) throws Exception {
    try (PreparedStatement s = db.prepareStatement("UPDATE event SET payload = ? WHERE seq = ?")) {
      s.setString(1, payload);
      s.setLong(2, seq);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }
}
