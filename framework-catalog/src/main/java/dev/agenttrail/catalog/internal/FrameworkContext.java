package dev.agenttrail.catalog.internal;

import java.util.Optional;
import java.util.Set;

/**
 * The framework a framework file defines, as far as it could be read: bare entry ids in its
 * mappings refer to it. {@code id} and {@code version} are empty when the header lacks them; the
 * entry ids are known even when some entries have problems.
 */
record FrameworkContext(Optional<String> id, Optional<String> version, Set<String> entryIds) {

  boolean names(String frameworkId, Optional<String> frameworkVersion) {
    return id.filter(frameworkId::equals).isPresent()
        && (frameworkVersion.isEmpty() || frameworkVersion.equals(version));
  }
}
