package dev.agenttrail.catalog.internal;

import dev.agenttrail.catalog.api.CatalogProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file, placing each at its JSON Pointer and, where known, line. */
final class Problems {

  private final String file;
  private final List<CatalogProblem> problems = new ArrayList<>();
  private LocationIndex locations = LocationIndex.EMPTY;

  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void locations(LocationIndex locations) {
    this.locations = locations;
  }

  void add(String pointer, String message) {
    LocationIndex.Location at = locations.find(pointer);
    problems.add(new CatalogProblem(file, pointer, (int) at.line(), (int) at.column(), message));
  }

  void addAt(String pointer, long line, long column, String message) {
    problems.add(new CatalogProblem(file, pointer, (int) line, (int) column, message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<CatalogProblem> list() {
    return List.copyOf(problems);
  }
}
