package dev.agenttrail.webapp.infrastructure.outbox;

import dev.agenttrail.webapp.infrastructure.config.EscalationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends a notification as a plain-text e-mail over the configured SMTP server. */
@ApplicationScoped
public class MailSender {

  @Inject
  EscalationConfig config;

  public void send(String recipient, String eventType, String payload) {
    Properties p = new Properties();
    p.put("mail.smtp.host", config.smtpHost());
    p.put("mail.smtp.port", Integer.toString(config.smtpPort()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.starttls.enable", Boolean.toString(config.smtpStartTls()));
    Authenticator auth = null;
    if (config.smtpUser().isPresent()) {
      p.put("mail.smtp.auth", "true");
      String user = config.smtpUser().get();
      String password = config.smtpPassword().orElse("");
      auth = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(user, password);
        }
      };
    }
    try {
      MimeMessage m = new MimeMessage(Session.getInstance(p, auth));
      m.setFrom(new InternetAddress(config.smtpFrom()));
      m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient));
      m.setSubject("AgentTrail: " + eventType, StandardCharsets.UTF_8.name());
      m.setText("AgentTrail escalation notification (" + eventType + ").\n\n" + payload + "\n", StandardCharsets.UTF_8.name());
      Transport.send(m);
    } catch (MessagingException e) {
      throw new IllegalStateException("SMTP: " + e.getMessage(), e);
    }
  }
}
