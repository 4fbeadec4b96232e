package dev.agenttrail.webapp.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of escalation timers, the notification relay and SMTP (README, configuration table). */
@ApplicationScoped
public class EscalationConfig {

  private Duration tick;
  private Duration webhookBackoff;
  private int webhookMaxAttempts;
  private Optional<String> smtpHost;
  private int smtpPort;
  private Optional<String> smtpUser;
  private Optional<String> smtpPassword;
  private String smtpFrom;
  private List<String> smtpTo;
  private boolean smtpStartTls;

  protected EscalationConfig() {}

  @Inject
  public EscalationConfig(
      @ConfigProperty(name = "AGENTTRAIL_ESCALATION_TICK", defaultValue = "PT5S") String tick,
      @ConfigProperty(name = "AGENTTRAIL_WEBHOOK_BACKOFF", defaultValue = "PT10S") String webhookBackoff,
      @ConfigProperty(name = "AGENTTRAIL_WEBHOOK_MAX_ATTEMPTS", defaultValue = "8") int webhookMaxAttempts,
      @ConfigProperty(name = "AGENTTRAIL_SMTP_HOST") Optional<String> smtpHost,
      @ConfigProperty(name = "AGENTTRAIL_SMTP_PORT", defaultValue = "25") int smtpPort,
      @ConfigProperty(name = "AGENTTRAIL_SMTP_USER") Optional<String> smtpUser,
      @ConfigProperty(name = "AGENTTRAIL_SMTP_PASSWORD") Optional<String> smtpPassword,
      @ConfigProperty(name = "AGENTTRAIL_SMTP_FROM", defaultValue = "agenttrail@localhost") String smtpFrom,
      @ConfigProperty(name = "AGENTTRAIL_SMTP_TO") Optional<String> smtpTo,
      @ConfigProperty(name = "AGENTTRAIL_SMTP_STARTTLS", defaultValue = "false") boolean smtpStartTls) {
    this.tick = positive("AGENTTRAIL_ESCALATION_TICK", tick);
    this.webhookBackoff = positive("AGENTTRAIL_WEBHOOK_BACKOFF", webhookBackoff);
    this.webhookMaxAttempts = Math.max(1, webhookMaxAttempts);
    this.smtpHost = smtpHost.filter(h -> !h.isBlank());
    this.smtpPort = smtpPort;
    this.smtpUser = smtpUser.filter(u -> !u.isBlank());
    this.smtpPassword = smtpPassword;
    this.smtpFrom = smtpFrom;
    this.smtpTo = smtpTo.map(t -> Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    this.smtpStartTls = smtpStartTls;
  }

  private static Duration positive(String name, String text) {
    try {
      Duration d = Duration.parse(text.trim());
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive ISO 8601 duration such as PT5S, not '" + text + "'");
  }

  /** How often timers look for passed deadlines and the relay for due notifications. */
  public Duration tick() {
    return tick;
  }

  /** The wait before the second delivery attempt; it doubles with each further attempt (at most one hour). */
  public Duration webhookBackoff() {
    return webhookBackoff;
  }

  public int webhookMaxAttempts() {
    return webhookMaxAttempts;
  }

  /** Whether e-mail is configured: an SMTP host and at least one recipient. */
  public boolean mailEnabled() {
    return smtpHost.isPresent() && !smtpTo.isEmpty();
  }

  public String smtpHost() {
    return smtpHost.orElse(null);
  }

  public int smtpPort() {
    return smtpPort;
  }

  public Optional<String> smtpUser() {
    return smtpUser;
  }

  public Optional<String> smtpPassword() {
    return smtpPassword;
  }

  public String smtpFrom() {
    return smtpFrom;
  }

  public List<String> smtpTo() {
    return smtpTo;
  }

  public boolean smtpStartTls() {
    return smtpStartTls;
  }
}
