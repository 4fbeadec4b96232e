package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.access.Source;
import dev.agenttrail.domain.intake.OpaMapping;
import dev.agenttrail.domain.shared.JsonSupport;
import java.io.StringReader;

/** The OPA mapping a source uses: the defaults with its stored overrides. */
final class OpaMappings {

  private OpaMappings() {}

  static OpaMapping of(Source source) {
    if (source.opaMapping() == null) {
      return OpaMapping.defaultMapping();
    }
    return OpaMapping.from(JsonSupport.PROVIDER.createReader(new StringReader(source.opaMapping())).readObject());
  }
}
