package dev.agenttrail.reports.evidence;

import java.util.List;

/**
 * The escalation cases of a period and scope, with their levels, deciders and times against
 * deadlines. The escalation module implements it; until it does, the webapp's implementation
 * returns none and the pack says so.
 */
public interface EscalationFeed {

  List<EscalationCase> cases(PackScope scope);

  /** False while no escalation module backs the feed: the pack then says escalations are not reported. */
  default boolean available() {
    return true;
  }
}
