package dev.agenttrail.domain.coverage;

import java.util.List;

/** The coverage of every entry of one framework version, in publication order. */
public record FrameworkCoverage(String frameworkId, String version, String title, List<EntryCoverage> entries) {

  public FrameworkCoverage {
    entries = List.copyOf(entries);
  }

  /** {@code FRAMEWORK@VERSION}. */
  public String key() {
    return frameworkId + "@" + version;
  }

  public long count(CoverageState state) {
    return entries.stream().filter(e -> e.state() == state).count();
  }
}
