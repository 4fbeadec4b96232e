package dev.agenttrail.webapp.infrastructure.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void shouldSignLikeTheStandardWebhooksReferenceExample() {
    // The example of the Standard Webhooks specification (and of its reference libraries' tests).
    String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330L, "{\"test\": 2432232314}");

    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void shouldGenerateSecretsItAccepts() {
    String secret = WebhookSignature.newSecret();

    assertThat(secret).startsWith("whsec_");
    assertThat(WebhookSignature.valid(secret)).isTrue();
    assertThat(WebhookSignature.valid("whsec_short")).isFalse();
    assertThat(WebhookSignature.valid("secret")).isFalse();
  }

  @Test
  void shouldDoubleTheBackoffUpToAnHour() {
    Duration base = Duration.ofSeconds(10);

    assertThat(NotificationRelay.backoff(base, 1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(NotificationRelay.backoff(base, 2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(NotificationRelay.backoff(base, 4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(NotificationRelay.backoff(base, 30)).isEqualTo(Duration.ofHours(1));
  }
}
