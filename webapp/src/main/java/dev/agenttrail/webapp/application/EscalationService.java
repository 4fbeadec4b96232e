package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.escalation.ApprovalRequest;
import dev.agenttrail.domain.escalation.CaseState;
import dev.agenttrail.domain.escalation.CaseStep;
import dev.agenttrail.domain.escalation.Decider;
import dev.agenttrail.domain.escalation.EscalationCase;
import dev.agenttrail.domain.escalation.EscalationPolicy;
import dev.agenttrail.domain.event.EventRecord;
import dev.agenttrail.domain.event.EventType;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEscalationCases;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEscalationPolicies;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Opens escalation cases for approval requests, and moves them: decisions, acknowledgements, deadlines. */
@ApplicationScoped
public class EscalationService {

  @Inject
  JdbcEscalationCases cases;

  @Inject
  JdbcEscalationPolicies policies;

  @Inject
  Notifications notifications;

  @Inject
  Clock clock;

  /** Whether an event asks for approval: {@code approval.requested}, or a decision {@code require_approval}. Cheap. */
  public static boolean asksApproval(EventRecord e) {
    return e.type() == EventType.APPROVAL_REQUESTED || "require_approval".equals(e.outcome());
  }

  /**
   * Opens a case for each newly stored event that asks for approval and that a policy covers, in
   * the ingest transaction. An event whose approval id already has a case joins that case.
   *
   * @return event id to case id, for the events that have a case
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<String, String> openFor(String source, List<EventRecord> events, List<JdbcLedger.Appended> items) {
    Map<String, String> opened = new LinkedHashMap<>();
    List<EscalationPolicy> all = null;
    for (int i = 0; i < events.size(); i++) {
      EventRecord e = events.get(i);
      JdbcLedger.Appended item = items.get(i);
      if (item.duplicate() || !asksApproval(e)) {
        continue;
      }
      ApprovalRequest request = request(e, item.seq());
      if (request.approvalId() != null) {
        Optional<EscalationCase> existing = cases.findByApproval(source, request.approvalId());
        if (existing.isPresent()) {
          opened.put(e.id(), existing.get().id());
          continue;
        }
      }
      if (all == null) {
        all = policies.all().stream().map(JdbcEscalationPolicies.Stored::policy).toList();
      }
      Optional<EscalationPolicy> policy = all.stream().filter(p -> p.covers(request)).findFirst();
      if (policy.isEmpty()) {
        continue;
      }
      EscalationCase c = EscalationCase.open("esc-" + UUID.randomUUID(), policy.get(), request, clock.instant());
      cases.insert(c);
      notifications.announce(c, c.newSteps());
      opened.put(e.id(), c.id());
    }
    return opened;
  }

  static ApprovalRequest request(EventRecord e, long seq) {
    JsonObject event;
    try (var reader = JsonSupport.PROVIDER.createReader(new StringReader(e.canonical()))) {
      event = reader.readObject();
    }
    JsonObject agent = event.getJsonObject("agent");
    JsonObject action = object(event, "action");
    JsonObject approval = object(event, "approval");
    JsonObject data = object(event, "data");
    String approvalId = text(approval, "id");
    if (approvalId == null) {
      approvalId = text(action, "approvalId");
    }
    return new ApprovalRequest(e.source(), approvalId, e.id(), seq, e.agentId(), text(agent, "onBehalfOf"), text(action, "tool"),
        text(action, "operation"), text(action, "resource"), text(data, "classification"), e.occurredAt());
  }

  private static JsonObject object(JsonObject o, String name) {
    return o.get(name) instanceof JsonObject inner ? inner : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static String text(JsonObject o, String name) {
    return o.get(name) instanceof JsonString s ? s.getString() : null;
  }

  public EscalationCase get(String id) {
    return cases.find(id, false).orElseThrow(() -> new NotFoundException("no escalation case '" + id + "'"));
  }

  public Optional<EscalationCase> byApproval(String source, String approvalId) {
    return cases.findByApproval(source, approvalId);
  }

  public JdbcEscalationCases.Page list(CaseState state, String agent, String source, String after, int limit) {
    return cases.list(state, agent, source, after, limit);
  }

  public List<CaseStep> history(String id) {
    return cases.history(id);
  }

  /** Approves or rejects as {@code decider}; refusals leave the case as it was. */
  @Transactional
  public EscalationCase decide(String id, Decider decider, boolean approve, String reason) {
    return change(id, c -> c.decide(decider, approve, reason, clock.instant()));
  }

  @Transactional
  public EscalationCase acknowledge(String id, Decider decider) {
    return change(id, c -> c.acknowledge(decider, clock.instant()));
  }

  @Transactional
  public EscalationCase close(String id, String actor, String reason) {
    return change(id, c -> c.close(actor, reason, clock.instant()));
  }

  /**
   * Applies a passed deadline to one case in a transaction of its own (the timer's unit of work).
   *
   * @return whether this call moved the case (false when it was not due or another instance did it)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean advance(String id) {
    Optional<EscalationCase> found = cases.find(id, true);
    if (found.isEmpty() || !found.get().advance(clock.instant())) {
      return false;
    }
    EscalationCase c = found.get();
    if (!cases.update(c)) {
      return false;
    }
    notifications.announce(c, c.newSteps());
    return true;
  }

  /** Ids of cases whose deadline passed. */
  public List<String> due(int limit) {
    return cases.due(clock.instant(), limit);
  }

  private EscalationCase change(String id, java.util.function.Consumer<EscalationCase> action) {
    for (int attempt = 1; ; attempt++) {
      EscalationCase c = cases.find(id, true).orElseThrow(() -> new NotFoundException("no escalation case '" + id + "'"));
      action.accept(c);
      if (cases.update(c)) {
        notifications.announce(c, c.newSteps());
        return c;
      }
      if (attempt == 3) {
        throw new ConflictException("The case changed while your request was processed; read it again and retry.");
      }
    }
  }
}
