package dev.agenttrail.catalog.api;

import java.util.Objects;

/**
 * One thing wrong with a catalog file: the file, a JSON Pointer into it ({@code /entries/3/parent};
 * empty for the whole document), the line and column where known (0 when not) and what is wrong.
 */
public record CatalogProblem(String file, String pointer, int line, int column, String message) {

  public CatalogProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:column pointer}, leaving out what is not known. */
  public String location() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line).append(':').append(column);
    }
    if (!pointer.isEmpty()) {
      text.append(' ').append(pointer);
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return location() + ": " + message;
  }
}
