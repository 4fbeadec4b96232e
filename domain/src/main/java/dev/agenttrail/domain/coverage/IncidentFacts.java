package dev.agenttrail.domain.coverage;

import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.SignalId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What coverage needs to know about one incident of the period: its signal, status and the entries
 * it was mapped to when it opened.
 */
public record IncidentFacts(long id, SignalId signal, String status, List<EntryRef> mappings) {

  public IncidentFacts {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(status, "status");
    mappings = List.copyOf(mappings);
  }

  /** Open or acknowledged: the control it tests is failing. Resolved or accepted ones are not. */
  public boolean active() {
    String s = status.toUpperCase(Locale.ROOT);
    return s.equals("OPEN") || s.equals("ACKNOWLEDGED");
  }
}
