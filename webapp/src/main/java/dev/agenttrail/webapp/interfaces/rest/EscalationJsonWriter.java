package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.escalation.Approver;
import dev.agenttrail.domain.escalation.ApprovalRequest;
import dev.agenttrail.domain.escalation.CaseStep;
import dev.agenttrail.domain.escalation.EscalationCase;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.infrastructure.persistence.EscalationJson;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEscalationFigures;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JSON of escalation cases and figures. */
final class EscalationJsonWriter {

  private EscalationJsonWriter() {}

  static JsonObject escalation(EscalationCase c, Optional<List<CaseStep>> history) {
    ApprovalRequest r = c.request();
    JsonArrayBuilder approvers = JsonSupport.PROVIDER.createArrayBuilder();
    c.levels().get(c.level() - 1).approvers().stream().map(Approver::toString).forEach(approvers::add);
    JsonObjectBuilder request = JsonSupport.PROVIDER.createObjectBuilder()
        .add("source", r.source())
        .add("eventId", r.eventId())
        .add("eventSeq", r.eventSeq())
        .add("agent", r.agentId())
        .add("requester", r.requester())
        .add("requestedAt", r.occurredAt().toString());
    text(request, "approvalId", r.approvalId());
    text(request, "tool", r.tool());
    text(request, "operation", r.operation());
    text(request, "resource", r.resource());
    text(request, "classification", r.classification());
    JsonObjectBuilder out = JsonSupport.PROVIDER.createObjectBuilder()
        .add("id", c.id())
        .add("state", c.state().wireName())
        .add("approved", c.approved())
        .add("policy", c.policy())
        .add("level", c.level())
        .add("levelCount", c.levels().size())
        .add("approvers", approvers)
        .add("deadline", c.deadline().toString())
        .add("levelStartedAt", c.levelStartedAt().toString())
        .add("openedAt", c.openedAt().toString());
    time(out, "decidedAt", c.decidedAt());
    text(out, "decidedBy", c.decidedBy());
    text(out, "reason", c.reason());
    out.add("request", request).add("levels", EscalationJson.write(c.levels()));
    history.ifPresent(steps -> {
      JsonArrayBuilder h = JsonSupport.PROVIDER.createArrayBuilder();
      for (CaseStep s : steps) {
        JsonObjectBuilder step = JsonSupport.PROVIDER.createObjectBuilder()
            .add("kind", s.kind().wireName())
            .add("level", s.level())
            .add("at", s.at().toString())
            .add("actor", s.actor());
        text(step, "reason", s.reason());
        time(step, "deadline", s.deadline());
        if (s.deadlineMet() != null) {
          step.add("deadlineMet", s.deadlineMet());
        }
        h.add(step.add("elapsed", s.elapsed().toString()));
      }
      out.add("history", h);
    });
    return out.build();
  }

  static JsonObject figures(JdbcEscalationFigures.Figures f) {
    JsonArrayBuilder levels = JsonSupport.PROVIDER.createArrayBuilder();
    for (JdbcEscalationFigures.LevelFigures l : f.levels()) {
      levels.add(JsonSupport.PROVIDER.createObjectBuilder()
          .add("level", l.level())
          .add("decisions", l.decisions())
          .add("approvals", l.approvals())
          .add("rejections", l.rejections())
          .add("averageTimeToDecisionMs", l.averageMillis())
          .add("maxTimeToDecisionMs", l.maxMillis())
          .add("deadlineBreaches", l.deadlineBreaches()));
    }
    JsonArrayBuilder approvers = JsonSupport.PROVIDER.createArrayBuilder();
    for (JdbcEscalationFigures.ApproverFigures a : f.approvers()) {
      approvers.add(JsonSupport.PROVIDER.createObjectBuilder().add("approver", a.approver()).add("approvals", a.approvals())
          .add("rejections", a.rejections()));
    }
    return JsonSupport.PROVIDER.createObjectBuilder()
        .add("from", f.from().toString())
        .add("to", f.to().toString())
        .add("opened", f.opened())
        .add("approved", f.approved())
        .add("rejected", f.rejected())
        .add("expired", f.expired())
        .add("escalations", f.escalations())
        .add("levels", levels)
        .add("approvers", approvers)
        .build();
  }

  private static void text(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }

  private static void time(JsonObjectBuilder b, String name, Instant value) {
    if (value != null) {
      b.add(name, value.toString());
    }
  }
}
