package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.domain.access.Role;
import dev.agenttrail.domain.escalation.Approver;
import dev.agenttrail.domain.escalation.CaseState;
import dev.agenttrail.domain.escalation.Decider;
import dev.agenttrail.domain.escalation.EscalationCase;
import dev.agenttrail.domain.escalation.EscalationRefusedException;
import dev.agenttrail.webapp.application.EscalationService;
import dev.agenttrail.webapp.application.NotFoundException;
import dev.agenttrail.webapp.application.UserService;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code escalations.xhtml}: the cases waiting for a decision, and deciding them with a reason. */
@Named
@ViewScoped
public class EscalationsBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final List<CaseState> WAITING = List.of(CaseState.OPEN, CaseState.ACKNOWLEDGED, CaseState.ESCALATED);

  @Inject
  EscalationService escalations;

  @Inject
  SecurityContext security;

  @Inject
  UserService users;

  /** A waiting case as the table shows it; {@code mine} when the signed-in user may decide it. */
  public record Row(String id, String policy, String agent, String requester, String action, int level, int levels,
      String approvers, String deadline, String state, boolean mine) implements Serializable {}

  private List<Row> cases = List.of();
  private final Map<String, String> reasons = new HashMap<>();

  public void load() {
    Decider me = decider();
    List<EscalationCase> waiting = new ArrayList<>();
    for (CaseState s : WAITING) {
      waiting.addAll(escalations.list(s, null, null, null, 200).items());
    }
    cases = waiting.stream().sorted(Comparator.comparing(EscalationCase::deadline)).map(c -> row(c, me)).toList();
  }

  private static Row row(EscalationCase c, Decider me) {
    var r = c.request();
    String action = (r.tool() == null ? "" : r.tool()) + (r.operation() == null ? "" : " " + r.operation());
    boolean mine = me.roles().contains(Role.APPROVER.name()) && c.levels().get(c.level() - 1).admits(me)
        && !me.name().equals(r.requester()) && !me.name().equals(r.agentId());
    return new Row(c.id(), c.policy(), r.agentId(), r.requester(), action.strip(), c.level(), c.levels().size(),
        c.levels().get(c.level() - 1).approvers().stream().map(Approver::toString).collect(Collectors.joining(", ")),
        c.deadline().toString(), c.state().wireName(), mine);
  }

  public void approve(String id) {
    decide(id, true);
  }

  public void reject(String id) {
    decide(id, false);
  }

  private void decide(String id, boolean approve) {
    String reason = reasons.get(id);
    Texts texts = Texts.forView();
    Decider me = decider();
    // Checked here too, not only by leaving the buttons out: deciding needs the APPROVER role, as
    // over REST, even where a policy names the user as an approver.
    if (!me.roles().contains(Role.APPROVER.name())) {
      message(FacesMessage.SEVERITY_ERROR, texts.format("escalations.forbidden"));
      return;
    }
    if (reason == null || reason.isBlank()) {
      message(FacesMessage.SEVERITY_ERROR, texts.format("escalations.reasonMissing"));
      return;
    }
    try {
      escalations.decide(id, me, approve, reason.strip());
      message(FacesMessage.SEVERITY_INFO, texts.format(approve ? "escalations.approved" : "escalations.rejected", id));
      reasons.remove(id);
    } catch (EscalationRefusedException | NotFoundException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
    load();
  }

  private Decider decider() {
    String name = security.getCallerPrincipal().getName();
    // The stored roles rather than isCallerInRole: the server answers that for the servlet a request
    // was mapped to, which is none on the request forwarded to the page right after signing in.
    Set<String> roles = users.roles(name).stream().map(Role::name).collect(Collectors.toSet());
    return new Decider(name, roles);
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public List<Row> getCases() {
    return cases;
  }

  public Map<String, String> getReasons() {
    return reasons;
  }
}
