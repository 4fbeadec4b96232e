package dev.agenttrail.domain.signal;

import static dev.agenttrail.domain.shared.JsonSupport.PROVIDER;

import dev.agenttrail.domain.escalation.ApprovalRegistry.ApprovalStatus;
import dev.agenttrail.domain.event.Timestamps;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DetectionState} as JSON documents in a {@link StateStore}, one per task, credential, denial
 * subject, session profile and source. The kinds: {@code task} (agent and task: declaration,
 * completion, credentials), {@code cred}, {@code denials}, {@code revoke} (pending revocations),
 * {@code approval} (an enforcement point's own decisions), {@code session}, {@code decisions} and
 * {@code seen} (per source).
 */
public class StoredDetectionState implements DetectionState {

  private final StateStore store;
  private final Directory directory;

  public StoredDetectionState(StateStore store, Directory directory) {
    this.store = store;
    this.directory = directory;
  }

  private static String key(String a, String b) {
    return a + "\n" + b;
  }

  // -- tasks

  private JsonObject task(String agentId, String task) {
    return store.get("task", key(agentId, task)).orElse(JsonValue.EMPTY_JSON_OBJECT);
  }

  private void saveTask(String agentId, String task, JsonObjectBuilder b) {
    store.put("task", key(agentId, task), b.build());
  }

  @Override
  public Optional<Declaration> taskDeclaration(String agentId, String task) {
    return task(agentId, task).get("declared") instanceof JsonObject d ? Optional.of(declaration(d)) : Optional.empty();
  }

  @Override
  public void declareTask(String agentId, String task, Declaration d) {
    JsonObjectBuilder declared = PROVIDER.createObjectBuilder()
        .add("tools", strings(d.tools())).add("dataScopes", strings(d.dataScopes()))
        .add("stateChangingAllowed", d.stateChangingAllowed());
    if (d.maxClassification() != null) {
      declared.add("maxClassification", d.maxClassification().wireName());
    }
    if (d.expiresAt() != null) {
      declared.add("expiresAt", d.expiresAt().toString());
    }
    saveTask(agentId, task, PROVIDER.createObjectBuilder(task(agentId, task)).add("declared", declared));
  }

  static Declaration declaration(JsonObject d) {
    return new Declaration(stringSet(d.get("tools")), stringSet(d.get("dataScopes")),
        d.get("maxClassification") instanceof JsonString c ? Classification.of(c.getString()) : null,
        d.getBoolean("stateChangingAllowed", false),
        d.get("expiresAt") instanceof JsonString e ? Timestamps.parse(e.getString()) : null);
  }

  @Override
  public Optional<Declaration> workflowDeclaration(String agentId, String workflow) {
    return directory.workflow(agentId, workflow);
  }

  @Override
  public Optional<Instant> taskCompleted(String agentId, String task) {
    return instant(task(agentId, task), "completedAt");
  }

  @Override
  public void recordTaskCompleted(String agentId, String task, Instant at) {
    saveTask(agentId, task, PROVIDER.createObjectBuilder(task(agentId, task)).add("completedAt", at.toString()));
  }

  @Override
  public List<String> taskCredentials(String agentId, String task) {
    return new ArrayList<>(stringSet(task(agentId, task).get("credentials")));
  }

  // -- denials

  @Override
  public void recordDenial(String agentId, String subject, Instant at, long seq) {
    JsonArrayBuilder list = PROVIDER.createArrayBuilder(store.get("denials", key(agentId, subject))
        .map(o -> o.getJsonArray("denials")).orElse(JsonValue.EMPTY_JSON_ARRAY));
    list.add(PROVIDER.createObjectBuilder().add("at", at.toString()).add("seq", seq));
    JsonArray all = list.build();
    // keep the newest 1,000: more denials than that within a window add nothing to the evidence
    if (all.size() > 1000) {
      JsonArrayBuilder trimmed = PROVIDER.createArrayBuilder();
      all.subList(all.size() - 1000, all.size()).forEach(trimmed::add);
      all = trimmed.build();
    }
    store.put("denials", key(agentId, subject), PROVIDER.createObjectBuilder().add("denials", all).build());
  }

  @Override
  public List<Denial> denialsSince(String agentId, String subject, Instant since) {
    List<Denial> out = new ArrayList<>();
    store.get("denials", key(agentId, subject)).ifPresent(o -> o.getJsonArray("denials").forEach(v -> {
      JsonObject d = v.asJsonObject();
      Instant at = Timestamps.parse(d.getString("at"));
      if (!at.isBefore(since)) {
        out.add(new Denial(at, d.getJsonNumber("seq").longValue()));
      }
    }));
    return out;
  }

  @Override
  public void clearDenials(String agentId, String subject) {
    store.remove("denials", key(agentId, subject));
  }

  // -- credentials

  private JsonObject cred(String id) {
    return store.get("cred", id).orElse(JsonValue.EMPTY_JSON_OBJECT);
  }

  @Override
  public Map<String, Long> credentialUsers(String credentialId) {
    Map<String, Long> out = new HashMap<>();
    if (cred(credentialId).get("users") instanceof JsonObject users) {
      users.forEach((agent, seq) -> out.put(agent, ((jakarta.json.JsonNumber) seq).longValue()));
    }
    return out;
  }

  @Override
  public void recordCredentialUser(String credentialId, String agentId, long seq) {
    JsonObject c = cred(credentialId);
    JsonObject users = c.get("users") instanceof JsonObject u ? u : JsonValue.EMPTY_JSON_OBJECT;
    if (!users.containsKey(agentId)) {
      store.put("cred", credentialId, PROVIDER.createObjectBuilder(c)
          .add("users", PROVIDER.createObjectBuilder(users).add(agentId, seq)).build());
    }
  }

  @Override
  public Optional<Credential> credential(String credentialId) {
    JsonObject c = cred(credentialId);
    if (!c.containsKey("issuedSeq")) {
      return Optional.empty();
    }
    return Optional.of(new Credential(credentialId, c.getString("agentId"), text(c, "task"),
        instant(c, "issuedAt").orElse(null), instant(c, "expiresAt").orElse(null), c.getJsonNumber("issuedSeq").longValue()));
  }

  @Override
  public void recordCredential(Credential credential) {
    JsonObjectBuilder b = PROVIDER.createObjectBuilder(cred(credential.id()))
        .add("agentId", credential.agentId()).add("issuedSeq", credential.seq());
    put(b, "task", credential.task());
    put(b, "issuedAt", credential.issuedAt());
    put(b, "expiresAt", credential.expiresAt());
    store.put("cred", credential.id(), b.build());
    if (credential.task() != null) {
      JsonObject t = task(credential.agentId(), credential.task());
      Set<String> creds = new LinkedHashSet<>(stringSet(t.get("credentials")));
      if (creds.add(credential.id())) {
        saveTask(credential.agentId(), credential.task(), PROVIDER.createObjectBuilder(t).add("credentials", strings(creds)));
      }
    }
  }

  @Override
  public boolean revoked(String credentialId) {
    return cred(credentialId).containsKey("revokedAt");
  }

  @Override
  public boolean recordRevoked(String credentialId, Instant at) {
    JsonObject c = cred(credentialId);
    if (c.containsKey("revokedAt")) {
      return false;
    }
    store.put("cred", credentialId, PROVIDER.createObjectBuilder(c).add("revokedAt", at.toString()).build());
    return true;
  }

  @Override
  public void expectRevocation(PendingRevocation p) {
    JsonObjectBuilder b = PROVIDER.createObjectBuilder().add("agentId", p.agentId()).add("completedAt", p.completedAt().toString())
        .add("dueBy", p.dueBy().toString()).add("seq", p.seq());
    put(b, "source", p.source());
    put(b, "task", p.task());
    store.put("revoke", p.credentialId(), b.build());
  }

  @Override
  public Optional<PendingRevocation> takeRevocation(String credentialId) {
    Optional<PendingRevocation> p = store.get("revoke", credentialId).map(o -> pending(credentialId, o));
    p.ifPresent(x -> store.remove("revoke", credentialId));
    return p;
  }

  @Override
  public List<PendingRevocation> pendingRevocations() {
    List<PendingRevocation> out = new ArrayList<>();
    store.all("revoke").forEach((id, o) -> out.add(pending(id, o)));
    return out;
  }

  private static PendingRevocation pending(String id, JsonObject o) {
    return new PendingRevocation(id, o.getString("agentId"), text(o, "source"), text(o, "task"),
        Timestamps.parse(o.getString("completedAt")), Timestamps.parse(o.getString("dueBy")), o.getJsonNumber("seq").longValue());
  }

  // -- approvals

  @Override
  public Optional<ApprovalStatus> approval(String source, String approvalId) {
    // an enforcement point that runs its own approvals is authoritative for them
    Optional<ApprovalStatus> own = store.get("approval", key(source, approvalId)).map(o -> new ApprovalStatus(null,
        o.getString("status"), o.getString("status").equals("approved"), Timestamps.parse(o.getString("at"))));
    return own.isPresent() ? own : directory.approval(source, approvalId);
  }

  @Override
  public void recordApprovalDecided(String source, String approvalId, String status, Instant at, long seq) {
    store.put("approval", key(source, approvalId),
        PROVIDER.createObjectBuilder().add("status", status).add("at", at.toString()).add("seq", seq).build());
  }

  // -- sessions

  @Override
  public Optional<SessionProfile> sessionProfile(String agentId) {
    return store.get("session", agentId).map(o -> {
      List<Set<String>> baseline = new ArrayList<>();
      o.getJsonArray("baseline").forEach(v -> baseline.add(stringSet(v)));
      return new SessionProfile(o.getString("session"), stringSet(o.get("items")), baseline, o.getBoolean("fired", false));
    });
  }

  @Override
  public void saveSessionProfile(String agentId, SessionProfile p) {
    JsonArrayBuilder baseline = PROVIDER.createArrayBuilder();
    p.baseline().forEach(s -> baseline.add(strings(s)));
    store.put("session", agentId, PROVIDER.createObjectBuilder().add("session", p.session()).add("items", strings(p.items()))
        .add("baseline", baseline).add("fired", p.fired()).build());
  }

  // -- sources

  @Override
  public List<DecisionMinute> decisionMinutes(String source) {
    List<DecisionMinute> out = new ArrayList<>();
    store.get("decisions", source).ifPresent(o -> o.getJsonArray("minutes").forEach(v -> {
      JsonObject m = v.asJsonObject();
      List<Long> seqs = new ArrayList<>();
      m.getJsonArray("errorSeqs").forEach(s -> seqs.add(((jakarta.json.JsonNumber) s).longValue()));
      out.add(new DecisionMinute(m.getJsonNumber("minute").longValue(), m.getInt("total"), m.getInt("errors"), seqs));
    }));
    return out;
  }

  @Override
  public void saveDecisionMinutes(String source, List<DecisionMinute> minutes) {
    JsonArrayBuilder list = PROVIDER.createArrayBuilder();
    for (DecisionMinute m : minutes) {
      JsonArrayBuilder seqs = PROVIDER.createArrayBuilder();
      m.errorSeqs().forEach(seqs::add);
      list.add(PROVIDER.createObjectBuilder().add("minute", m.minute()).add("total", m.total()).add("errors", m.errors())
          .add("errorSeqs", seqs));
    }
    store.put("decisions", source, PROVIDER.createObjectBuilder().add("minutes", list).build());
  }

  @Override
  public void recordSeen(String source, Instant receivedAt, long seq) {
    store.put("seen", source, PROVIDER.createObjectBuilder().add("receivedAt", receivedAt.toString()).add("seq", seq).build());
  }

  @Override
  public Map<String, Seen> lastSeen() {
    Map<String, Seen> out = new LinkedHashMap<>();
    store.all("seen").forEach((source, o) ->
        out.put(source, new Seen(Timestamps.parse(o.getString("receivedAt")), o.getJsonNumber("seq").longValue(),
            o.getBoolean("reported", false))));
    return out;
  }

  @Override
  public void markSilenceReported(String source) {
    store.get("seen", source).ifPresent(o -> store.put("seen", source, PROVIDER.createObjectBuilder(o).add("reported", true).build()));
  }

  @Override
  public Optional<String> sourceMode(String source) {
    return directory.sourceMode(source);
  }

  // -- JSON helpers

  private static JsonArrayBuilder strings(Collection<String> values) {
    JsonArrayBuilder b = PROVIDER.createArrayBuilder();
    values.stream().sorted().forEach(b::add);
    return b;
  }

  private static Set<String> stringSet(JsonValue value) {
    Set<String> out = new LinkedHashSet<>();
    if (value instanceof JsonArray array) {
      array.forEach(v -> out.add(((JsonString) v).getString()));
    }
    return out;
  }

  private static String text(JsonObject o, String field) {
    return o.get(field) instanceof JsonString s ? s.getString() : null;
  }

  private static Optional<Instant> instant(JsonObject o, String field) {
    return Optional.ofNullable(text(o, field)).map(Instant::parse);
  }

  private static void put(JsonObjectBuilder b, String field, Object value) {
    if (value != null) {
      b.add(field, value.toString());
    }
  }
}
