package dev.agenttrail.domain.catalog;

import java.util.List;

/** Where uploaded framework files are kept: append-only, shared by every instance. */
public interface CustomFrameworkRepository {

  /** Every stored file, oldest upload first (the order in which they must be loaded). */
  List<CustomFrameworkFile> allInUploadOrder();

  /** How many files there are and when the last came: cheap, to tell whether anything changed. */
  CustomFrameworkStamp stamp();

  /** Whether a file for this framework version is stored. */
  boolean contains(String frameworkId, String version);

  /**
   * Stores a new file.
   *
   * @throws DuplicateFrameworkVersionException if its framework version is stored already (also
   *     when another instance stored it a moment earlier)
   */
  void add(CustomFrameworkFile file);
}
