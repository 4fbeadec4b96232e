package dev.agenttrail.webapp.infrastructure.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Webhook subscriptions, outbox rows and delivery attempts, in plain JDBC. */
@ApplicationScoped
public class JdbcOutbox {

  public static final String PENDING = "PENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String FAILED = "FAILED";

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  /** A webhook subscription; {@code events} empty means every notification. */
  public record Subscription(String id, String url, String secret, List<String> events, Instant createdAt, boolean active) {
    public boolean wants(String eventType) {
      return events.isEmpty() || events.contains(eventType);
    }
  }

  /** One notification to one destination. */
  public record Message(String messageId, String channel, String subscriptionId, String recipient, String eventType,
      String caseId, String payload, Instant createdAt) {}

  /** An outbox row as the relay and the deliveries page see it. */
  public record Row(long id, String messageId, String channel, String subscriptionId, String recipient, String eventType,
      String caseId, String payload, Instant createdAt, String status, int attempts, Instant nextAttemptAt, int version) {}

  /** One delivery attempt; {@code statusCode} is null when the receiver did not answer. */
  public record Attempt(int attemptNo, Instant at, Integer statusCode, String error, boolean succeeded) {}

  public void insert(Subscription s) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "INSERT INTO webhook_subscription (id, url, secret, event_types, created_at, active) VALUES (?,?,?,?,?,?)")) {
      p.setString(1, s.id());
      p.setString(2, s.url());
      p.setString(3, s.secret());
      p.setString(4, String.join(",", s.events()));
      p.setObject(5, utc(s.createdAt()));
      p.setBoolean(6, s.active());
      p.executeUpdate();
    } catch (SQLException e) {
      throw new OutboxException("could not store the webhook subscription", e);
    }
  }

  public List<Subscription> subscriptions(boolean activeOnly) {
    return subscriptionQuery("SELECT id, url, secret, event_types, created_at, active FROM webhook_subscription"
        + (activeOnly ? " WHERE active = TRUE" : "") + " ORDER BY created_at, id", null);
  }

  public Optional<Subscription> subscription(String id) {
    return subscriptionQuery("SELECT id, url, secret, event_types, created_at, active FROM webhook_subscription WHERE id = ?", id)
        .stream().findFirst();
  }

  /** Stops deliveries to a subscription: it no longer receives new messages and its pending ones fail. */
  public boolean deactivate(String id) {
    try (Connection c = dataSource.getConnection()) {
      int n;
      try (PreparedStatement p = c.prepareStatement("UPDATE webhook_subscription SET active = FALSE WHERE id = ?")) {
        p.setString(1, id);
        n = p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE notification_outbox SET status = 'FAILED', version = version + 1 WHERE subscription_id = ? AND status = 'PENDING'")) {
        p.setString(1, id);
        p.executeUpdate();
      }
      return n == 1;
    } catch (SQLException e) {
      throw new OutboxException("could not deactivate the webhook subscription", e);
    }
  }

  private List<Subscription> subscriptionQuery(String sql, String id) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      if (id != null) {
        p.setString(1, id);
      }
      List<Subscription> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String types = rs.getString(4);
          out.add(new Subscription(rs.getString(1), rs.getString(2), rs.getString(3),
              types.isEmpty() ? List.of() : Arrays.asList(types.split(",")), instant(rs.getObject(5, LocalDateTime.class)),
              rs.getBoolean(6)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new OutboxException("could not read webhook subscriptions", e);
    }
  }

  /** Writes a message in the caller's transaction, due at once. */
  public void enqueue(Message m) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "INSERT INTO notification_outbox (message_id, channel, subscription_id, recipient, event_type, case_id, payload,"
            + " created_at, status, attempts, next_attempt_at, version) VALUES (?,?,?,?,?,?,?,?,'PENDING',0,?,0)")) {
      p.setString(1, m.messageId());
      p.setString(2, m.channel());
      p.setString(3, m.subscriptionId());
      p.setString(4, m.recipient());
      p.setString(5, m.eventType());
      p.setString(6, m.caseId());
      p.setString(7, m.payload());
      p.setObject(8, utc(m.createdAt()));
      p.setObject(9, utc(m.createdAt()));
      p.executeUpdate();
    } catch (SQLException e) {
      throw new OutboxException("could not write the notification to the outbox", e);
    }
  }

  /** Pending rows due by {@code now}, oldest first. */
  public List<Row> due(Instant now, int limit) {
    return rows("SELECT * FROM notification_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id",
        List.of(utc(now)), limit);
  }

  /**
   * Claims a due row for one delivery attempt by pushing its next attempt past {@code leaseUntil};
   * false when another relay (another instance) claimed it first.
   */
  public boolean claim(Row row, Instant leaseUntil) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "UPDATE notification_outbox SET next_attempt_at = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'PENDING'")) {
      p.setObject(1, utc(leaseUntil));
      p.setLong(2, row.id());
      p.setInt(3, row.version());
      return p.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new OutboxException("could not claim the notification", e);
    }
  }

  /** Records an attempt and the row's next status ({@code nextAttemptAt} matters for PENDING only). */
  public void record(long id, Attempt attempt, String status, Instant nextAttemptAt) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO notification_attempt (outbox_id, attempt_no, attempted_at,"
          + " status_code, error, succeeded) VALUES (?,?,?,?,?,?)")) {
        p.setLong(1, id);
        p.setInt(2, attempt.attemptNo());
        p.setObject(3, utc(attempt.at()));
        if (attempt.statusCode() == null) {
          p.setNull(4, Types.INTEGER);
        } else {
          p.setInt(4, attempt.statusCode());
        }
        p.setString(5, attempt.error() == null ? null : truncate(attempt.error()));
        p.setBoolean(6, attempt.succeeded());
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE notification_outbox SET status = ?, attempts = ?, next_attempt_at = ?, version = version + 1 WHERE id = ?")) {
        p.setString(1, status);
        p.setInt(2, attempt.attemptNo());
        p.setObject(3, utc(nextAttemptAt));
        p.setLong(4, id);
        p.executeUpdate();
      }
    } catch (SQLException e) {
      throw new OutboxException("could not record the delivery attempt", e);
    }
  }

  /** The newest messages of a subscription with every attempt, newest first. */
  public Map<Row, List<Attempt>> deliveries(String subscriptionId, int limit) {
    List<Row> rows = rows("SELECT * FROM notification_outbox WHERE subscription_id = ? ORDER BY id DESC", List.of(subscriptionId), limit);
    Map<Row, List<Attempt>> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "SELECT attempt_no, attempted_at, status_code, error, succeeded FROM notification_attempt WHERE outbox_id = ? ORDER BY id")) {
      for (Row row : rows) {
        p.setLong(1, row.id());
        List<Attempt> attempts = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            int code = rs.getInt(3);
            Integer status = rs.wasNull() ? null : code;
            attempts.add(new Attempt(rs.getInt(1), instant(rs.getObject(2, LocalDateTime.class)), status, rs.getString(4),
                rs.getBoolean(5)));
          }
        }
        out.put(row, attempts);
      }
      return out;
    } catch (SQLException e) {
      throw new OutboxException("could not read deliveries", e);
    }
  }

  private List<Row> rows(String sql, List<Object> args, int limit) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
      }
      p.setMaxRows(limit);
      List<Row> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new Row(rs.getLong("id"), rs.getString("message_id"), rs.getString("channel"), rs.getString("subscription_id"),
              rs.getString("recipient"), rs.getString("event_type"), rs.getString("case_id"), rs.getString("payload"),
              instant(rs.getObject("created_at", LocalDateTime.class)), rs.getString("status"), rs.getInt("attempts"),
              instant(rs.getObject("next_attempt_at", LocalDateTime.class)), rs.getInt("version")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new OutboxException("could not read the outbox", e);
    }
  }

  private static String truncate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000);
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
