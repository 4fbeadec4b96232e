package dev.agenttrail.webapp.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The ingest limits of the contract (configurable) and the application clock. */
@ApplicationScoped
public class AgentTrailConfig {

  private int maxBodyBytes;
  private int maxEventsPerRequest;
  private int maxAttributesBytes;

  protected AgentTrailConfig() {}

  @Inject
  public AgentTrailConfig(
      @ConfigProperty(name = "AGENTTRAIL_MAX_BODY_BYTES", defaultValue = "10485760") int maxBodyBytes,
      @ConfigProperty(name = "AGENTTRAIL_MAX_EVENTS_PER_REQUEST", defaultValue = "5000") int maxEventsPerRequest,
      @ConfigProperty(name = "AGENTTRAIL_MAX_ATTRIBUTES_BYTES", defaultValue = "65536") int maxAttributesBytes) {
    this.maxBodyBytes = maxBodyBytes;
    this.maxEventsPerRequest = maxEventsPerRequest;
    this.maxAttributesBytes = maxAttributesBytes;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  public int maxEventsPerRequest() {
    return maxEventsPerRequest;
  }

  public int maxAttributesBytes() {
    return maxAttributesBytes;
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
