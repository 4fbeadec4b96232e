package dev.agenttrail.domain.coverage;

import java.util.Locale;

/** What the period shows about one framework entry. */
public enum CoverageState {
  /** A mapped control has events showing it working, and no active incident maps to the entry. */
  EVIDENCED,
  /** An open or acknowledged incident maps to the entry, directly or through a control it tests. */
  FAILING,
  /** No events either way. Never to be read as compliant. */
  NOT_EVIDENCED;

  /** The lower-case, space-separated wording used in files and reports: {@code not evidenced}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The JSON spelling: {@code not_evidenced}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
