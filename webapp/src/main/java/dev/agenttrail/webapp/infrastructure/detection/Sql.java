package dev.agenttrail.webapp.infrastructure.detection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Where H2 and PostgreSQL need different SQL, and UTC timestamps as the schema stores them. */
final class Sql {

  private Sql() {}

  static boolean postgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
  }

  /**
   * An insert that replaces the other columns when the key exists.
   *
   * @param columns comma-separated, key columns first
   * @param keyColumns how many of the first columns make the key
   */
  static String upsert(Connection c, String table, String columns, int keyColumns) throws SQLException {
    String[] names = columns.split(",\\s*");
    String params = "?" + ", ?".repeat(names.length - 1);
    String key = String.join(", ", java.util.Arrays.copyOf(names, keyColumns));
    if (!postgres(c)) {
      return "MERGE INTO " + table + " KEY (" + key + ") VALUES (" + params + ")";
    }
    StringBuilder set = new StringBuilder();
    for (int i = keyColumns; i < names.length; i++) {
      set.append(set.length() == 0 ? "" : ", ").append(names[i]).append(" = EXCLUDED.").append(names[i]);
    }
    return "INSERT INTO " + table + " (" + columns + ") VALUES (" + params + ") ON CONFLICT (" + key + ") DO UPDATE SET " + set;
  }

  static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  static void bind(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i] instanceof Instant instant ? utc(instant) : values[i];
      s.setObject(i + 1, v);
    }
  }
}
