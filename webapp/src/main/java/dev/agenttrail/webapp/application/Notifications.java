package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.escalation.Approver;
import dev.agenttrail.domain.escalation.CaseStep;
import dev.agenttrail.domain.escalation.EscalationCase;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.infrastructure.config.EscalationConfig;
import dev.agenttrail.webapp.infrastructure.outbox.JdbcOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Announces case steps through the outbox, in the caller's transaction: one row per step and
 * destination (each active webhook subscription that wants the step's type, and each configured
 * e-mail recipient). The body follows the Standard Webhooks payload shape: {@code type},
 * {@code timestamp}, {@code data}.
 */
@ApplicationScoped
public class Notifications {

  /** Every notification type, {@code escalation.<step>}. */
  public static final List<String> TYPES = List.of("escalation.opened", "escalation.acknowledged", "escalation.escalated",
      "escalation.approved", "escalation.rejected", "escalation.expired", "escalation.closed");

  @Inject
  JdbcOutbox outbox;

  @Inject
  EscalationConfig config;

  @Inject
  Clock clock;

  public void announce(EscalationCase c, List<CaseStep> steps) {
    if (steps.isEmpty()) {
      return;
    }
    List<JdbcOutbox.Subscription> subscriptions = outbox.subscriptions(true);
    if (subscriptions.isEmpty() && !config.mailEnabled()) {
      return;
    }
    Instant now = clock.instant();
    for (CaseStep step : steps) {
      String type = "escalation." + step.kind().wireName();
      String payload = payload(c, step, type, now);
      for (JdbcOutbox.Subscription s : subscriptions) {
        if (s.wants(type)) {
          outbox.enqueue(new JdbcOutbox.Message(messageId(), "webhook", s.id(), null, type, c.id(), payload, now));
        }
      }
      if (config.mailEnabled()) {
        for (String to : config.smtpTo()) {
          outbox.enqueue(new JdbcOutbox.Message(messageId(), "email", null, to, type, c.id(), payload, now));
        }
      }
    }
  }

  private static String messageId() {
    return "msg_" + UUID.randomUUID().toString().replace("-", "");
  }

  static String payload(EscalationCase c, CaseStep step, String type, Instant now) {
    JsonArrayBuilder approvers = JsonSupport.PROVIDER.createArrayBuilder();
    c.levels().get(c.level() - 1).approvers().stream().map(Approver::toString).forEach(approvers::add);
    JsonObjectBuilder s = JsonSupport.PROVIDER.createObjectBuilder()
        .add("kind", step.kind().wireName())
        .add("level", step.level())
        .add("at", step.at().toString())
        .add("actor", step.actor());
    if (step.reason() != null) {
      s.add("reason", step.reason());
    }
    if (step.deadlineMet() != null) {
      s.add("deadlineMet", step.deadlineMet());
    }
    JsonObjectBuilder data = JsonSupport.PROVIDER.createObjectBuilder()
        .add("caseId", c.id())
        .add("href", "api/v1/escalations/" + c.id())
        .add("state", c.state().wireName())
        .add("policy", c.policy())
        .add("level", c.level())
        .add("levels", c.levels().size())
        .add("deadline", c.deadline().toString())
        .add("approvers", approvers)
        .add("source", c.request().source())
        .add("agent", c.request().agentId())
        .add("requester", c.request().requester())
        .add("step", s);
    optional(data, "approvalId", c.request().approvalId());
    optional(data, "tool", c.request().tool());
    optional(data, "operation", c.request().operation());
    optional(data, "resource", c.request().resource());
    optional(data, "classification", c.request().classification());
    return JsonSupport.PROVIDER.createObjectBuilder().add("type", type).add("timestamp", now.toString()).add("data", data)
        .build().toString();
  }

  private static void optional(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }
}
