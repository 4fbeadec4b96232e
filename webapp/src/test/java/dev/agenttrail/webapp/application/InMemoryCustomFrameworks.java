package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.catalog.CustomFrameworkFile;
import dev.agenttrail.domain.catalog.CustomFrameworkRepository;
import dev.agenttrail.domain.catalog.CustomFrameworkStamp;
import dev.agenttrail.domain.catalog.DuplicateFrameworkVersionException;
import java.util.ArrayList;
import java.util.List;

/** The custom framework table in memory, shared by "instances" like the database would be. */
class InMemoryCustomFrameworks implements CustomFrameworkRepository {

  private final List<CustomFrameworkFile> files = new ArrayList<>();
  int loads;
  int stamps;

  @Override
  public synchronized List<CustomFrameworkFile> allInUploadOrder() {
    loads++;
    return List.copyOf(files);
  }

  @Override
  public synchronized CustomFrameworkStamp stamp() {
    stamps++;
    return CustomFrameworkStamp.of(files);
  }

  @Override
  public synchronized boolean contains(String frameworkId, String version) {
    return files.stream().anyMatch(f -> f.key().equals(frameworkId + "@" + version));
  }

  @Override
  public synchronized void add(CustomFrameworkFile file) {
    if (contains(file.frameworkId(), file.version())) {
      throw new DuplicateFrameworkVersionException(file.frameworkId(), file.version());
    }
    files.add(file);
  }

  synchronized List<CustomFrameworkFile> files() {
    return List.copyOf(files);
  }
}
