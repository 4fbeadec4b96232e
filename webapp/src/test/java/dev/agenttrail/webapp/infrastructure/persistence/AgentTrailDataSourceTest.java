package dev.agenttrail.webapp.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings AgentTrail adds to an H2 URL, as H2 then reports them. */
class AgentTrailDataSourceTest {

  private static final long MIB = 1024 * 1024;

  @TempDir
  Path dir;

  @Test
  void anEmbeddedDatabaseWritesEveryCommitAndCachesASixteenthOfTheHeap() throws Exception {
    String url = AgentTrailDataSource.cached(AgentTrailDataSource.durable("jdbc:h2:file:" + dir.resolve("db")), 1024 * MIB);
    Map<String, String> settings = settings(url);
    assertEquals("0", settings.get("WRITE_DELAY"));
    assertEquals("65536", settings.get("CACHE_SIZE")); // KiB: 64 MiB of a 1 GiB heap
  }

  @Test
  void theCacheStaysBetweenH2sDefaultAnd64MiB() {
    assertEquals("jdbc:h2:mem:a;CACHE_SIZE=16384", AgentTrailDataSource.cached("jdbc:h2:mem:a", 128 * MIB));
    assertEquals("jdbc:h2:mem:a;CACHE_SIZE=32768", AgentTrailDataSource.cached("jdbc:h2:mem:a", 512 * MIB));
    assertEquals("jdbc:h2:mem:a;CACHE_SIZE=65536", AgentTrailDataSource.cached("jdbc:h2:mem:a", 16 * 1024 * MIB));
  }

  @Test
  void settingsTheUserGaveAreLeftAlone() throws Exception {
    String given = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=500;CACHE_SIZE=4096";
    String url = AgentTrailDataSource.cached(AgentTrailDataSource.durable(given), 1024 * MIB);
    assertEquals(given, url);
    Map<String, String> settings = settings(url);
    assertEquals("500", settings.get("WRITE_DELAY"));
    assertEquals("4096", settings.get("CACHE_SIZE"));
  }

  private static Map<String, String> settings(String url) throws Exception {
    Map<String, String> settings = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS")) {
      while (rs.next()) {
        settings.putIfAbsent(rs.getString(1), rs.getString(2));
      }
    }
    return settings;
  }
}
