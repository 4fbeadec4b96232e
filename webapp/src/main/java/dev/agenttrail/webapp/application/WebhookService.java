package dev.agenttrail.webapp.application;

import dev.agenttrail.webapp.infrastructure.outbox.JdbcOutbox;
import dev.agenttrail.webapp.infrastructure.outbox.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Webhook subscriptions (admin) and their deliveries. */
@ApplicationScoped
@Transactional
public class WebhookService {

  @Inject
  JdbcOutbox outbox;

  @Inject
  Clock clock;

  /** Subscribes {@code url}; without a secret a new one is generated (the answer shows it once). */
  public JdbcOutbox.Subscription subscribe(String url, String secret, List<String> events) {
    JdbcOutbox.Subscription s = new JdbcOutbox.Subscription("wh-" + UUID.randomUUID(), url,
        secret == null ? WebhookSignature.newSecret() : secret, List.copyOf(events), clock.instant(), true);
    outbox.insert(s);
    return s;
  }

  public List<JdbcOutbox.Subscription> all() {
    return outbox.subscriptions(false);
  }

  public JdbcOutbox.Subscription get(String id) {
    return outbox.subscription(id).orElseThrow(() -> new NotFoundException("no webhook subscription '" + id + "'"));
  }

  public void unsubscribe(String id) {
    if (!outbox.deactivate(id)) {
      throw new NotFoundException("no webhook subscription '" + id + "'");
    }
  }

  public Map<JdbcOutbox.Row, List<JdbcOutbox.Attempt>> deliveries(String id, int limit) {
    get(id);
    return outbox.deliveries(id, limit);
  }
}
