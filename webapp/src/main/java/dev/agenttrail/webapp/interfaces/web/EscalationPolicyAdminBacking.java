package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.domain.escalation.Approver;
import dev.agenttrail.domain.escalation.EscalationLevel;
import dev.agenttrail.domain.escalation.EscalationPolicy;
import dev.agenttrail.domain.escalation.PolicyMatch;
import dev.agenttrail.domain.signal.Classification;
import dev.agenttrail.webapp.application.ConflictException;
import dev.agenttrail.webapp.application.EscalationPolicyService;
import dev.agenttrail.webapp.application.NotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The escalation policies section of {@code admin.xhtml}: list, create or replace (one or two
 * levels of approvers with deadlines), delete. Administrators only, checked in every action.
 */
@Named
@ViewScoped
public class EscalationPolicyAdminBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  EscalationPolicyService policies;

  @Inject
  AdminBacking admin;


  /** A policy as the table shows it. */
  public record PolicyRow(String name, String match, String levels) implements Serializable {}

  private List<PolicyRow> policyRows = List.of();
  private String policyName;
  private String policySources;
  private String policyTools;
  private String policyOperations;
  private String policyAgents;
  private String policyMin;
  private String level1Approvers = "role:APPROVER";
  private String level1Deadline = "PT15M";
  private String level2Approvers;
  private String level2Deadline;

  /** The view action. */
  public void load() {
    if (!admin.admin()) {
      return;
    }
    policyRows = policies.all().stream().map(p -> new PolicyRow(p.policy().name(), describe(p.policy().match()),
        String.join("; then ", p.policy().levels().stream().map(l -> l.approvers().stream().map(Object::toString)
            .collect(Collectors.joining(", ")) + " within " + l.deadline()).toList()))).toList();
  }

  private static String describe(PolicyMatch m) {
    List<String> parts = new ArrayList<>();
    if (!m.sources().isEmpty()) {
      parts.add("sources " + String.join(", ", m.sources()));
    }
    if (!m.tools().isEmpty()) {
      parts.add("tools " + String.join(", ", m.tools()));
    }
    if (!m.operations().isEmpty()) {
      parts.add("operations " + String.join(", ", m.operations()));
    }
    if (m.minClassification() != null) {
      parts.add("data at least " + m.minClassification().wireName());
    }
    if (!m.agents().isEmpty()) {
      parts.add("agents " + String.join(", ", m.agents()));
    }
    return parts.isEmpty() ? "every approval request" : String.join("; ", parts);
  }

  public void savePolicy() {
    if (!admin.admin()) {
      return;
    }
    try {
      List<EscalationLevel> levels = new ArrayList<>();
      levels.add(level(level1Approvers, level1Deadline));
      if (level2Approvers != null && !level2Approvers.isBlank()) {
        levels.add(level(level2Approvers, level2Deadline));
      }
      String name = policyName == null ? "" : policyName.trim();
      EscalationPolicy policy = new EscalationPolicy(name,
          new PolicyMatch(List.copyOf(AdminBacking.names(policySources)), List.copyOf(AdminBacking.names(policyTools)),
              List.copyOf(AdminBacking.names(policyOperations)), policyMin == null || policyMin.isBlank() ? null : Classification.of(policyMin),
              List.copyOf(AdminBacking.names(policyAgents))), levels);
      if (policies.all().stream().anyMatch(p -> p.policy().name().equals(name))) {
        policies.replace(policy);
      } else {
        policies.create(policy);
      }
      AdminBacking.info(Texts.forView().format("admin.policy.saved", name));
      policyName = null;
    } catch (IllegalArgumentException | ConflictException | NotFoundException e) {
      AdminBacking.error(e.getMessage());
    }
    load();
  }

  public void deletePolicy(String name) {
    if (!admin.admin()) {
      return;
    }
    try {
      policies.delete(name);
      AdminBacking.info(Texts.forView().format("admin.policy.deleted", name));
    } catch (NotFoundException e) {
      AdminBacking.error(e.getMessage());
    }
    load();
  }

  private static EscalationLevel level(String approvers, String deadline) {
    Duration d;
    try {
      d = Duration.parse(deadline == null ? "" : deadline.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("A deadline must be an ISO 8601 duration such as PT15M, not '" + deadline + "'.");
    }
    return new EscalationLevel(
        AdminBacking.names(approvers).stream().map(Approver::parse).toList(), d);
  }

  public List<PolicyRow> getPolicyRows() {
    return policyRows;
  }

  public String getPolicyName() {
    return policyName;
  }

  public void setPolicyName(String v) {
    policyName = v;
  }

  public String getPolicySources() {
    return policySources;
  }

  public void setPolicySources(String v) {
    policySources = v;
  }

  public String getPolicyTools() {
    return policyTools;
  }

  public void setPolicyTools(String v) {
    policyTools = v;
  }

  public String getPolicyOperations() {
    return policyOperations;
  }

  public void setPolicyOperations(String v) {
    policyOperations = v;
  }

  public String getPolicyAgents() {
    return policyAgents;
  }

  public void setPolicyAgents(String v) {
    policyAgents = v;
  }

  public String getPolicyMin() {
    return policyMin;
  }

  public void setPolicyMin(String v) {
    policyMin = v;
  }

  public String getLevel1Approvers() {
    return level1Approvers;
  }

  public void setLevel1Approvers(String v) {
    level1Approvers = v;
  }

  public String getLevel1Deadline() {
    return level1Deadline;
  }

  public void setLevel1Deadline(String v) {
    level1Deadline = v;
  }

  public String getLevel2Approvers() {
    return level2Approvers;
  }

  public void setLevel2Approvers(String v) {
    level2Approvers = v;
  }

  public String getLevel2Deadline() {
    return level2Deadline;
  }

  public void setLevel2Deadline(String v) {
    level2Deadline = v;
  }

}
