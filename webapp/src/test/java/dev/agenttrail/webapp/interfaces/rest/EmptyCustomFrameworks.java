package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.catalog.CustomFrameworkFile;
import dev.agenttrail.domain.catalog.CustomFrameworkRepository;
import dev.agenttrail.domain.catalog.CustomFrameworkStamp;
import java.util.List;

/** No custom frameworks: the catalog services of these tests serve the built-in catalog only. */
final class EmptyCustomFrameworks implements CustomFrameworkRepository {

  @Override
  public List<CustomFrameworkFile> allInUploadOrder() {
    return List.of();
  }

  @Override
  public CustomFrameworkStamp stamp() {
    return CustomFrameworkStamp.EMPTY;
  }

  @Override
  public boolean contains(String frameworkId, String version) {
    return false;
  }

  @Override
  public void add(CustomFrameworkFile file) {
    throw new UnsupportedOperationException("read-only in these tests");
  }
}
