package dev.agenttrail.webapp.infrastructure.detection;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.Mapping;
import dev.agenttrail.catalog.api.SignalId;
import dev.agenttrail.domain.signal.Firing;
import dev.agenttrail.domain.signal.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reconciles firings with incidents, in the detection batch's transaction: a firing adds its
 * evidence to the incident of its group (signal, subject, task) or opens one, with the signal's
 * mappings as the catalog has them now. Evidence is a set of ledger entries, so firing again on the
 * same events changes nothing. New evidence reopens a resolved incident; a false positive or an
 * accepted risk keeps its status and collects the evidence.
 */
final class IncidentWriter {

  /** What reconciling a batch did. */
  record Outcome(int opened, int updated, int reopened) {}

  private final Connection c;
  private final Catalog catalog;
  private final Instant now;

  IncidentWriter(Connection connection, Catalog catalog, Instant now) {
    this.c = connection;
    this.catalog = catalog;
    this.now = now;
  }

  /**
   * @param occurred when each evidence entry occurred, by seq (for first and last seen)
   */
  Outcome reconcile(List<Firing> firings, Map<Long, Instant> occurred) throws SQLException {
    Map<String, List<Firing>> groups = new LinkedHashMap<>();
    for (Firing f : firings) {
      groups.computeIfAbsent(f.groupKey(), k -> new ArrayList<>()).add(f);
    }
    int opened = 0;
    int updated = 0;
    int reopened = 0;
    for (Map.Entry<String, List<Firing>> group : groups.entrySet()) {
      List<Firing> fs = group.getValue();
      Firing last = fs.get(fs.size() - 1);
      Set<Long> evidence = new TreeSet<>();
      fs.forEach(f -> evidence.addAll(f.evidence()));
      Severity severity = fs.stream().map(Firing::severity).max(Enum::compareTo).orElseThrow();
      Existing existing = find(group.getKey());
      if (existing == null) {
        long id = insert(group.getKey(), last, severity, evidence, occurred);
        addEvidence(id, evidence);
        mappings(id, last.signal());
        transition(id, null, "open", "detection", "Opened: " + last.explanation(), null);
        opened++;
        continue;
      }
      Set<Long> fresh = new TreeSet<>(evidence);
      fresh.removeAll(existingEvidence(existing.id, evidence));
      if (fresh.isEmpty()) {
        continue;
      }
      addEvidence(existing.id, fresh);
      Severity merged = Severity.valueOf(existing.severity).compareTo(severity) >= 0 ? Severity.valueOf(existing.severity) : severity;
      boolean reopen = existing.status.equals("resolved");
      try (PreparedStatement s = c.prepareStatement("UPDATE incident SET evidence_count = evidence_count + ?, severity = ?,"
          + " explanation = ?, last_seen = ?, updated_at = ?, status = ?, block_cause = COALESCE(?, block_cause),"
          + " version = version + 1 WHERE id = ?")) {
        Sql.bind(s, fresh.size(), merged.name(), clip(last.explanation(), 4000), latest(fresh, occurred, existing.lastSeen),
            now, reopen ? "open" : existing.status, blockCause(fresh), existing.id);
        s.executeUpdate();
      }
      if (reopen) {
        transition(existing.id, "resolved", "open", "detection", "Reopened: new evidence after it was resolved. "
            + last.explanation(), null);
        reopened++;
      }
      updated++;
    }
    return new Outcome(opened, updated, reopened);
  }

  private record Existing(long id, String status, String severity, Instant lastSeen) {}

  private Existing find(String groupKey) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id, status, severity, last_seen FROM incident WHERE group_key = ?")) {
      s.setString(1, groupKey);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? new Existing(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.instant(rs, "last_seen")) : null;
      }
    }
  }

  private long insert(String groupKey, Firing f, Severity severity, Set<Long> evidence, Map<Long, Instant> occurred)
      throws SQLException {
    Instant first = evidence.stream().map(occurred::get).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(now);
    Instant last = latest(evidence, occurred, first);
    try (PreparedStatement s = c.prepareStatement("INSERT INTO incident (group_key, signal, agent_id, source, task, severity,"
        + " status, explanation, block_cause, opened_at, updated_at, first_seen, last_seen, evidence_count, catalog_version,"
        + " version) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
      Sql.bind(s, groupKey, f.signal(), f.agentId(), f.source(), f.task(), severity.name(), clip(f.explanation(), 4000),
          blockCause(evidence), now, now, first, last, evidence.size(), catalogVersion(f.signal()));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static Instant latest(Set<Long> evidence, Map<Long, Instant> occurred, Instant otherwise) {
    Instant latest = otherwise;
    for (Long seq : evidence) {
      Instant at = occurred.get(seq);
      if (at != null && (latest == null || at.isAfter(latest))) {
        latest = at;
      }
    }
    return latest;
  }

  private Set<Long> existingEvidence(long incident, Set<Long> seqs) throws SQLException {
    Set<Long> out = new LinkedHashSet<>();
    List<Long> all = new ArrayList<>(seqs);
    for (int from = 0; from < all.size(); from += 100) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + 100));
      String in = chunk.stream().map(x -> "?").collect(Collectors.joining(", "));
      try (PreparedStatement s = c.prepareStatement("SELECT seq FROM incident_evidence WHERE incident_id = ? AND seq IN (" + in + ")")) {
        s.setLong(1, incident);
        for (int i = 0; i < chunk.size(); i++) {
          s.setLong(i + 2, chunk.get(i));
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getLong(1));
          }
        }
      }
    }
    return out;
  }

  private void addEvidence(long incident, Set<Long> seqs) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO incident_evidence (incident_id, seq) VALUES (?, ?)")) {
      for (Long seq : seqs) {
        s.setLong(1, incident);
        s.setLong(2, seq);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The most frequent cause among the evidence's classified blocks, or null. */
  private String blockCause(Set<Long> seqs) throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    List<Long> all = new ArrayList<>(seqs);
    for (int from = 0; from < all.size(); from += 100) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + 100));
      String in = chunk.stream().map(x -> "?").collect(Collectors.joining(", "));
      try (PreparedStatement s = c.prepareStatement("SELECT cause FROM block_event WHERE seq IN (" + in + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          s.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            counts.merge(rs.getString(1), 1, Integer::sum);
          }
        }
      }
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  private List<Mapping> signalMappings(String signal) {
    return catalog.mappingsFrom(SignalId.of(signal));
  }

  private String catalogVersion(String signal) {
    return clip(signalMappings(signal).stream().map(m -> m.to().frameworkId() + "@" + m.to().version()).distinct().sorted()
        .collect(Collectors.joining(", ")), 64);
  }

  private void mappings(long incident, String signal) throws SQLException {
    Set<String> seen = new LinkedHashSet<>();
    try (PreparedStatement s = c.prepareStatement("INSERT INTO incident_mapping (incident_id, framework, framework_version,"
        + " entry, provenance, rationale) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Mapping m : signalMappings(signal)) {
        if (!seen.add(m.to().frameworkId() + "\n" + m.to().entryId())) {
          continue;
        }
        Sql.bind(s, incident, m.to().frameworkId(), m.to().version(), m.to().entryId(), m.provenance().jsonName(),
            clip(m.rationale(), 2000));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  void transition(long incident, String from, String to, String actor, String reason, Instant expiresAt) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO incident_transition (incident_id, changed_at, actor, from_status,"
        + " to_status, reason, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      Sql.bind(s, incident, now, actor, from, to, clip(reason, 2000), expiresAt);
      s.executeUpdate();
    }
  }

  static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
