package dev.agenttrail.webapp.infrastructure.detection;

import static dev.agenttrail.domain.shared.JsonSupport.PROVIDER;

import dev.agenttrail.domain.escalation.ApprovalRegistry;
import dev.agenttrail.domain.signal.Observation;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Explains one action: the event, its task and declaration, the policy decisions about it, who
 * authorised it, its credential's lifecycle (issued, used, revoked), the approval it relies on, how a block was classified
 * and the incidents it is evidence of or that concern the same agent and task. Reads only the
 * agent's own events through the {@code (agent_id, seq)} index.
 */
@ApplicationScoped
public class ActionTraces {

  private static final int RELATED = 50;

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  @Inject
  JdbcIncidents incidents;

  @Inject
  Instance<ApprovalRegistry> approvals;

  /** The trace of the event {@code (source, id)}, or empty if there is no such event. */
  public Optional<JsonObject> trace(String source, String id) {
    try (Connection c = dataSource.getConnection()) {
      Optional<Observation> found = event(c, source, id);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Observation o = found.get();
      JsonObjectBuilder out = PROVIDER.createObjectBuilder()
          .add("event", PROVIDER.createObjectBuilder().add("seq", o.seq()).add("payload", o.event()));
      JsonObjectBuilder task = PROVIDER.createObjectBuilder();
      o.task().ifPresent(t -> task.add("id", t));
      o.workflow().ifPresent(w -> task.add("workflow", w));
      if (o.task().isPresent()) {
        first(c, o.agentId(), o.task().get(), "task.started").ifPresent(s -> {
          task.add("started", ref(s));
          if (s.event().get("declared") instanceof JsonObject d) {
            task.add("declaration", d);
          }
        });
        first(c, o.agentId(), o.task().get(), "task.completed").ifPresent(s -> task.add("completed", ref(s)));
      }
      if (o.workflow().isPresent()) {
        JdbcDirectory.read(c, o.agentId(), o.workflow().get()).ifPresent(d -> {
          JsonArrayBuilder tools = PROVIDER.createArrayBuilder();
          d.tools().stream().sorted().forEach(tools::add);
          JsonArrayBuilder scopes = PROVIDER.createArrayBuilder();
          d.dataScopes().stream().sorted().forEach(scopes::add);
          JsonObjectBuilder w = PROVIDER.createObjectBuilder().add("tools", tools).add("dataScopes", scopes)
              .add("stateChangingAllowed", d.stateChangingAllowed());
          if (d.maxClassification() != null) {
            w.add("maxClassification", d.maxClassification().wireName());
          }
          task.add("workflowDeclaration", w);
        });
      }
      out.add("task", task);

      List<Observation> agentEvents = recent(c, o.agentId(), o.seq());
      JsonArrayBuilder decisions = PROVIDER.createArrayBuilder();
      JsonArrayBuilder authorisers = PROVIDER.createArrayBuilder();
      List<String> seenAuthorisers = new ArrayList<>();
      o.authorizedBy().ifPresent(a -> {
        seenAuthorisers.add(a);
        authorisers.add(a);
      });
      for (Observation e : agentEvents) {
        boolean sameSubject = o.task().isPresent() ? o.task().equals(e.task())
            : o.tool().isPresent() && o.tool().equals(e.tool());
        if (sameSubject && e.seq() != o.seq() && (e.type().startsWith("policy.") || e.outcome().isPresent())) {
          JsonObjectBuilder d = ref(e);
          e.outcome().ifPresent(x -> d.add("outcome", x));
          e.policy().ifPresent(x -> d.add("policy", x));
          e.reason().ifPresent(x -> d.add("reason", x));
          e.mode().ifPresent(x -> d.add("mode", x));
          decisions.add(d);
          e.authorizedBy().filter(a -> !seenAuthorisers.contains(a)).ifPresent(a -> {
            seenAuthorisers.add(a);
            authorisers.add(a);
          });
        }
      }
      out.add("decisions", decisions).add("authorizedBy", authorisers);
      o.intent().ifPresent(i -> out.add("intent", i));

      if (o.credentialId().isPresent()) {
        String credential = o.credentialId().get();
        JsonArrayBuilder lifecycle = PROVIDER.createArrayBuilder();
        for (Observation e : agentEvents) {
          if (e.credentialId().equals(o.credentialId())) {
            lifecycle.add(ref(e));
          }
        }
        out.add("credential", PROVIDER.createObjectBuilder().add("id", credential).add("lifecycle", lifecycle));
      }

      if (o.approvalId().isPresent()) {
        JsonObjectBuilder approval = PROVIDER.createObjectBuilder().add("id", o.approvalId().get());
        if (approvals.isResolvable()) {
          approvals.get().approval(o.source(), o.approvalId().get()).ifPresent(a -> {
            if (a.caseId() != null) {
              approval.add("caseId", a.caseId());
            }
            approval.add("state", a.state()).add("approved", a.approved());
          });
        }
        JsonArrayBuilder events = PROVIDER.createArrayBuilder();
        for (Observation e : agentEvents) {
          if (e.type().startsWith("approval.") && e.approvalId().equals(o.approvalId())) {
            events.add(ref(e));
          }
        }
        out.add("approval", approval.add("events", events));
      }

      blockCause(c, o.seq()).ifPresent(b -> out.add("blockCause", b));

      JsonArrayBuilder related = PROVIDER.createArrayBuilder();
      List<Long> listed = new ArrayList<>();
      for (JdbcIncidents.Incident i : incidents.withEvidence(o.seq())) {
        listed.add(i.id());
        related.add(incident(i, true));
      }
      for (JdbcIncidents.Incident i : incidents.find(new JdbcIncidents.Filter(null, null, null, null, null, o.agentId(), null,
          null, null, null), RELATED)) {
        if (!listed.contains(i.id()) && (o.task().isEmpty() || o.task().get().equals(i.task()))) {
          related.add(incident(i, false));
        }
      }
      out.add("incidents", related);
      return Optional.of(out.build());
    } catch (SQLException e) {
      throw new DetectionStoreException("could not trace an action", e);
    }
  }

  private static JsonObjectBuilder incident(JdbcIncidents.Incident i, boolean evidence) {
    return PROVIDER.createObjectBuilder().add("id", i.id()).add("signal", i.signal()).add("status", i.status())
        .add("severity", i.severity().toLowerCase(java.util.Locale.ROOT)).add("thisEventIsEvidence", evidence);
  }

  private static JsonObjectBuilder ref(Observation o) {
    return PROVIDER.createObjectBuilder().add("seq", o.seq()).add("source", o.source()).add("id", o.id())
        .add("type", o.type()).add("occurredAt", o.occurredAt().toString());
  }

  private static Optional<Observation> event(Connection c, String source, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT seq, received_at, payload FROM event WHERE source = ? AND event_id = ?")) {
      Sql.bind(s, source, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(observation(rs)) : Optional.empty();
      }
    }
  }

  private static Optional<Observation> first(Connection c, String agent, String task, String type) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT seq, received_at, payload FROM event WHERE agent_id = ? AND task = ?"
        + " AND type = ? ORDER BY seq LIMIT 1")) {
      Sql.bind(s, agent, task, type);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(observation(rs)) : Optional.empty();
      }
    }
  }

  /** The agent's events within 50,000 ledger entries either side of the action (at most 1,000), in ledger order. */
  private static List<Observation> recent(Connection c, String agent, long seq) throws SQLException {
    List<Observation> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT seq, received_at, payload FROM event WHERE agent_id = ?"
        + " AND seq BETWEEN ? AND ? ORDER BY seq LIMIT 1000")) {
      Sql.bind(s, agent, Math.max(0, seq - 50_000), seq + 50_000);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(observation(rs));
        }
      }
    }
    return out;
  }

  private static Optional<String> blockCause(Connection c, long seq) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT cause FROM block_event WHERE seq = ?")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static Observation observation(ResultSet rs) throws SQLException {
    return new Observation(rs.getLong(1), JdbcStateStore.parse(rs.getString(3)), Sql.instant(rs, "received_at"));
  }

  /** Blocks per source and cause in a period (null bounds: all time). */
  public List<Object[]> blockCounts(java.time.Instant from, java.time.Instant to) {
    StringBuilder sql = new StringBuilder("SELECT source, cause, COUNT(*) FROM block_event WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (from != null) {
      sql.append(" AND occurred_at >= ?");
      args.add(from);
    }
    if (to != null) {
      sql.append(" AND occurred_at < ?");
      args.add(to);
    }
    sql.append(" GROUP BY source, cause ORDER BY source, cause");
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
      Sql.bind(s, args.toArray());
      List<Object[]> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)});
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DetectionStoreException("could not count blocks", e);
    }
  }
}
