package dev.agenttrail.webapp.infrastructure.outbox;

import dev.agenttrail.webapp.infrastructure.config.EscalationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers due outbox rows: claims each (so one instance delivers it), sends it outside any
 * transaction, records the attempt, and reschedules a failure after the backoff, doubled per
 * attempt, until the configured number of attempts is spent. A webhook succeeds on any 2xx answer.
 */
@ApplicationScoped
public class NotificationRelay {

  private static final Logger LOG = Logger.getLogger(NotificationRelay.class.getName());
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Inject
  JdbcOutbox outbox;

  @Inject
  EscalationConfig config;

  @Inject
  Clock clock;

  @Inject
  MailSender mail;

  /** Delivers what is due now; returns the number of attempts made. */
  public int relayDue() {
    int attempts = 0;
    for (JdbcOutbox.Row row : outbox.due(clock.instant(), 50)) {
      if (!outbox.claim(row, clock.instant().plus(LEASE))) {
        continue; // another instance has it
      }
      deliver(row);
      attempts++;
    }
    return attempts;
  }

  private void deliver(JdbcOutbox.Row row) {
    Instant at = clock.instant();
    Integer status = null;
    String error = null;
    boolean ok;
    try {
      if ("webhook".equals(row.channel())) {
        JdbcOutbox.Subscription s = outbox.subscription(row.subscriptionId()).orElse(null);
        if (s == null || !s.active()) {
          outbox.record(row.id(), new JdbcOutbox.Attempt(row.attempts() + 1, at, null, "the subscription was removed", false),
              JdbcOutbox.FAILED, at);
          return;
        }
        status = post(s, row, at);
        ok = status >= 200 && status < 300;
        if (!ok) {
          error = "the receiver answered HTTP " + status;
        }
      } else {
        mail.send(row.recipient(), row.eventType(), row.payload());
        ok = true;
      }
    } catch (IOException | RuntimeException e) {
      ok = false;
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ok = false;
      error = "interrupted";
    }
    int attempt = row.attempts() + 1;
    if (ok) {
      outbox.record(row.id(), new JdbcOutbox.Attempt(attempt, at, status, null, true), JdbcOutbox.DELIVERED, at);
      return;
    }
    boolean last = attempt >= config.webhookMaxAttempts();
    Duration wait = backoff(config.webhookBackoff(), attempt);
    outbox.record(row.id(), new JdbcOutbox.Attempt(attempt, at, status, error, false), last ? JdbcOutbox.FAILED : JdbcOutbox.PENDING,
        clock.instant().plus(wait));
    String message = error;
    LOG.log(last ? Level.WARNING : Level.INFO, () -> "Notification " + row.messageId() + " (" + row.channel() + ") attempt "
        + attempt + " failed: " + message + (last ? "; giving up" : "; next attempt in " + wait));
  }

  /** The wait after failed attempt {@code n} (1-based): base, 2 base, 4 base, ... at most an hour. */
  static Duration backoff(Duration base, int n) {
    Duration d = base.multipliedBy(1L << Math.min(20, n - 1));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private int post(JdbcOutbox.Subscription s, JdbcOutbox.Row row, Instant at) throws IOException, InterruptedException {
    long timestamp = at.getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(URI.create(s.url())).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "AgentTrail-Webhooks")
        .header("webhook-id", row.messageId())
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", WebhookSignature.sign(s.secret(), row.messageId(), timestamp, row.payload()))
        .POST(HttpRequest.BodyPublishers.ofString(row.payload()))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
