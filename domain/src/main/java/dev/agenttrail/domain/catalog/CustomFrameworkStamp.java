package dev.agenttrail.domain.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The row count and the latest upload time of the custom framework table. Rows are only ever
 * added, so a different stamp means new files, and an equal stamp means nothing changed.
 */
public record CustomFrameworkStamp(long count, Optional<Instant> lastUploadAt) {

  public static final CustomFrameworkStamp EMPTY = new CustomFrameworkStamp(0, Optional.empty());

  public CustomFrameworkStamp {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    Objects.requireNonNull(lastUploadAt, "lastUploadAt");
  }

  /** The stamp of a set of files, as the table would give it once they are all stored. */
  public static CustomFrameworkStamp of(Collection<CustomFrameworkFile> files) {
    return new CustomFrameworkStamp(
        files.size(),
        files.stream().map(CustomFrameworkFile::uploadedAt).max(Instant::compareTo));
  }
}
