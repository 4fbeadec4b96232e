package dev.agenttrail.webapp.interfaces.web;

import java.io.Serializable;
import java.util.List;

/**
 * What the catalog search box says about an identifier: {@code severity} is {@code info} (an
 * official id or a sure variant or alias), {@code warn} (an alias or variant of medium or low
 * confidence: check before relying on it) or {@code error} (nothing, or more than one framework,
 * matched); {@code suggestions} are the closest entries or the candidates.
 */
public record SearchOutcome(String severity, String summary, String detail, List<EntryLink> suggestions)
    implements Serializable {

  public SearchOutcome {
    suggestions = List.copyOf(suggestions);
  }

  public boolean isWarning() {
    return "warn".equals(severity);
  }
}
