package dev.agenttrail.webapp.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Mounts the REST API at {@code /api/v1}; {@code /openapi} describes it. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {

  /**
   * Jersey's generated WADL is off: it was a second, undocumented description of the API
   * ({@code /api/v1/application.wadl}, and the answer to {@code OPTIONS}), and set up at every start.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
