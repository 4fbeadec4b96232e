package dev.agenttrail.domain.escalation;

import dev.agenttrail.domain.escalation.EscalationRefusedException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An approval request going through a policy's levels. Level 1 starts when the case opens; when a
 * level's deadline passes without a decision the case moves to the next level (whose deadline
 * counts from that moment, so its approvers get their full time once notified), and when the last
 * deadline passes it expires. Expired is final and is neither rejection nor approval.
 *
 * <p>Every transition first applies the deadlines that passed ({@link #advance}), so a decision
 * that arrives after the deadline but before the timer noticed is judged against the real state.
 * Each transition appends a {@link CaseStep}; {@link #newSteps()} are the ones not yet stored.
 */
public final class EscalationCase {

  private final String id;
  private final String policy;
  private final List<EscalationLevel> levels;
  private final ApprovalRequest request;
  private final Instant openedAt;
  private final int version;
  private CaseState state;
  private int level;
  private Instant levelStartedAt;
  private Instant deadline;
  private Instant decidedAt;
  private String decidedBy;
  private String reason;
  private boolean approved;
  private final List<CaseStep> newSteps = new ArrayList<>();

  private EscalationCase(String id, String policy, List<EscalationLevel> levels, ApprovalRequest request, Instant openedAt,
      int version) {
    this.id = id;
    this.policy = policy;
    this.levels = List.copyOf(levels);
    this.request = request;
    this.openedAt = openedAt;
    this.version = version;
  }

  /** Opens a case at level 1 of {@code policy}. */
  public static EscalationCase open(String id, EscalationPolicy policy, ApprovalRequest request, Instant now) {
    EscalationCase c = new EscalationCase(id, policy.name(), policy.levels(), request, now, 0);
    c.state = CaseState.OPEN;
    c.level = 1;
    c.levelStartedAt = now;
    c.deadline = now.plus(policy.levels().get(0).deadline());
    c.newSteps.add(new CaseStep(CaseStep.Kind.OPENED, 1, now, request.requester(), null, c.deadline, null, Duration.ZERO));
    return c;
  }

  /** A stored case as it was; {@code version} is the one an update must find to win. */
  public static EscalationCase restore(String id, String policy, List<EscalationLevel> levels, ApprovalRequest request,
      Instant openedAt, CaseState state, int level, Instant levelStartedAt, Instant deadline, Instant decidedAt,
      String decidedBy, String reason, boolean approved, int version) {
    EscalationCase c = new EscalationCase(id, policy, levels, request, openedAt, version);
    c.state = state;
    c.level = level;
    c.levelStartedAt = levelStartedAt;
    c.deadline = deadline;
    c.decidedAt = decidedAt;
    c.decidedBy = decidedBy;
    c.reason = reason;
    c.approved = approved;
    return c;
  }

  /**
   * Applies the deadline if it passed by {@code now}: one level up, or expiry after the last level.
   *
   * @return whether the case changed
   */
  public boolean advance(Instant now) {
    if (!state.pending() || now.isBefore(deadline)) {
      return false;
    }
    Duration elapsed = Duration.between(levelStartedAt, deadline);
    if (level < levels.size()) {
      newSteps.add(new CaseStep(CaseStep.Kind.ESCALATED, level, now, CaseStep.SYSTEM,
          "the deadline of level " + level + " passed without a decision", deadline, false, elapsed));
      level++;
      levelStartedAt = now;
      deadline = now.plus(levels.get(level - 1).deadline());
      state = CaseState.ESCALATED;
    } else {
      newSteps.add(new CaseStep(CaseStep.Kind.EXPIRED, level, now, CaseStep.SYSTEM,
          "the deadline of the last level passed without a decision", deadline, false, elapsed));
      state = CaseState.EXPIRED;
      decidedAt = deadline;
    }
    return true;
  }

  /** An approver of the current level says they are looking at it; the deadline does not change. */
  public void acknowledge(Decider decider, Instant now) {
    advance(now);
    checkDecidable(decider, false);
    if (state != CaseState.ESCALATED) {
      state = CaseState.ACKNOWLEDGED;
    }
    newSteps.add(new CaseStep(CaseStep.Kind.ACKNOWLEDGED, level, now, decider.name(), null, deadline, true,
        Duration.between(levelStartedAt, now)));
  }

  /** Approves or rejects, with a reason, as an approver of the current level. */
  public void decide(Decider decider, boolean approve, String why, Instant now) {
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException("a decision needs a reason");
    }
    advance(now);
    checkDecidable(decider, approve);
    state = approve ? CaseState.APPROVED : CaseState.REJECTED;
    approved = approve;
    decidedAt = now;
    decidedBy = decider.name();
    reason = why;
    newSteps.add(new CaseStep(approve ? CaseStep.Kind.APPROVED : CaseStep.Kind.REJECTED, level, now, decider.name(), why,
        deadline, true, Duration.between(levelStartedAt, now)));
  }

  /** Closes the case (the request was withdrawn, or an approved action is done); an approval stays an approval. */
  public void close(String actor, String why, Instant now) {
    advance(now);
    if (state == CaseState.CLOSED) {
      throw new EscalationRefusedException(Reason.ALREADY_DECIDED, "The case is closed already.");
    }
    boolean wasPending = state.pending();
    state = CaseState.CLOSED;
    if (wasPending) {
      decidedAt = now;
    }
    newSteps.add(new CaseStep(CaseStep.Kind.CLOSED, level, now, actor, why, deadline, null, Duration.between(levelStartedAt, now)));
  }

  private void checkDecidable(Decider decider, boolean approving) {
    if (state == CaseState.EXPIRED) {
      throw new EscalationRefusedException(Reason.EXPIRED,
          "This case expired at " + decidedAt + "; a decision is no longer possible.");
    }
    if (!state.pending()) {
      throw new EscalationRefusedException(Reason.ALREADY_DECIDED, "This case is " + state.wireName()
          + (decidedBy == null ? "" : " (by " + decidedBy + " at " + decidedAt + ")") + "; it takes no further decision.");
    }
    if (approving && (decider.name().equals(request.requester()) || decider.name().equals(request.agentId()))) {
      throw new EscalationRefusedException(Reason.SELF_APPROVAL,
          "You raised this request (as " + request.requester() + "); someone else must approve it.");
    }
    EscalationLevel current = levels.get(level - 1);
    if (!current.admits(decider)) {
      throw new EscalationRefusedException(Reason.NOT_AN_APPROVER, "The case is at level " + level + ", whose approvers are "
          + current.approvers().stream().map(Approver::toString).collect(Collectors.joining(", ")) + "; you are not one of them.");
    }
  }

  public String id() {
    return id;
  }

  public String policy() {
    return policy;
  }

  public List<EscalationLevel> levels() {
    return levels;
  }

  public ApprovalRequest request() {
    return request;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public CaseState state() {
    return state;
  }

  public int level() {
    return level;
  }

  public Instant levelStartedAt() {
    return levelStartedAt;
  }

  public Instant deadline() {
    return deadline;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public String reason() {
    return reason;
  }

  /** Whether the case ended in an approval (it stays true when an approved case is closed). */
  public boolean approved() {
    return approved;
  }

  public int version() {
    return version;
  }

  /** The steps taken since the case was opened or restored, oldest first. */
  public List<CaseStep> newSteps() {
    return List.copyOf(newSteps);
  }
}
