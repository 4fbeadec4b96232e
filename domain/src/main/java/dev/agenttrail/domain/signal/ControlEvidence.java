package dev.agenttrail.domain.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Which runtime controls of the control library an event shows working. Coverage calls a control
 * <em>evidenced</em> in a period when such events exist (and <em>failing</em> when incidents of the
 * signals that test it are open); with neither it is <em>not evidenced</em>, never compliant.
 *
 * <table>
 *   <tr><th>Control</th><th>Evidenced by</th></tr>
 *   <tr><td>CTRL-01 just-in-time task credentials</td><td>{@code credential.issued} for a task; {@code credential.revoked}</td></tr>
 *   <tr><td>CTRL-02 context-aware authorisation</td><td>a {@code policy.decision} that decided (allow, deny, require_approval)</td></tr>
 *   <tr><td>CTRL-03 short-lived secrets</td><td>{@code credential.issued} with an {@code expiresAt}</td></tr>
 *   <tr><td>CTRL-04 tool-interaction logging</td><td>a {@code tool.invocation} that carries its intent</td></tr>
 *   <tr><td>CTRL-05 human approval for state changes</td><td>{@code approval.requested}, {@code approval.decided}, or a state change citing its approval</td></tr>
 *   <tr><td>CTRL-06 workload identity</td><td>any event of an agent with a SPIFFE id</td></tr>
 *   <tr><td>CTRL-07 per-task scope</td><td>a {@code task.started} that declares tools or data scopes</td></tr>
 *   <tr><td>CTRL-08 task-bound delegation</td><td>a {@code delegation.granted} for a task</td></tr>
 *   <tr><td>CTRL-09 decision point in the path</td><td>a decision made in {@code enforce} mode</td></tr>
 * </table>
 */
public final class ControlEvidence {

  private ControlEvidence() {}

  public static List<String> controls(Observation o) {
    List<String> out = new ArrayList<>(3);
    String type = o.type();
    boolean decided = o.outcome().map(x -> !x.equals("error")).orElse(false);
    if ((type.equals("credential.issued") && o.task().isPresent()) || type.equals("credential.revoked")) {
      out.add("CTRL-01");
    }
    if (type.equals("policy.decision") && decided) {
      out.add("CTRL-02");
    }
    if (type.equals("credential.issued") && o.credentialTime("expiresAt").isPresent()) {
      out.add("CTRL-03");
    }
    if (type.equals("tool.invocation") && o.intent().isPresent()) {
      out.add("CTRL-04");
    }
    if (type.equals("approval.requested") || type.equals("approval.decided") || (o.stateChanging() && o.approvalId().isPresent())) {
      out.add("CTRL-05");
    }
    if (o.agentId().startsWith("spiffe://")) {
      out.add("CTRL-06");
    }
    if (type.equals("task.started") && o.declaration().map(d -> !d.tools().isEmpty() || !d.dataScopes().isEmpty()).orElse(false)) {
      out.add("CTRL-07");
    }
    if (type.equals("delegation.granted") && o.task().isPresent()) {
      out.add("CTRL-08");
    }
    if (decided && o.mode().map(m -> m.equals("enforce")).orElse(false)) {
      out.add("CTRL-09");
    }
    return out;
  }
}
