package dev.agenttrail.domain.catalog;

/** A file for this framework version is stored already; versions are never replaced. */
public class DuplicateFrameworkVersionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DuplicateFrameworkVersionException(String frameworkId, String version) {
    super(
        "framework '"
            + frameworkId
            + "' version '"
            + version
            + "' exists already; a new version of a framework needs a new 'version'");
  }
}
