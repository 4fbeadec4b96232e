package dev.agenttrail.webapp.infrastructure.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrail.webapp.infrastructure.config.EscalationConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** E-mail notifications reach an SMTP server: a minimal one in the test, speaking the plain protocol. */
class MailSenderTest {

  @Test
  void shouldSendTheNotificationToTheRecipientOverSmtp() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<List<String>> dialogue = CompletableFuture.supplyAsync(() -> serveOne(server));
      MailSender mail = new MailSender();
      mail.config = config(server.getLocalPort());

      mail.send("risk-officer@example.com", "escalation.escalated", "{\"type\":\"escalation.escalated\"}");

      List<String> lines = dialogue.get(30, TimeUnit.SECONDS);
      assertThat(lines).anyMatch(l -> l.startsWith("MAIL FROM:") && l.contains("agenttrail@example.com"));
      assertThat(lines).anyMatch(l -> l.startsWith("RCPT TO:") && l.contains("risk-officer@example.com"));
      assertThat(lines).anyMatch(l -> l.startsWith("Subject: AgentTrail: escalation.escalated"));
      assertThat(String.join("\n", lines)).contains("{\"type\":\"escalation.escalated\"}");
    }
  }

  @Test
  void shouldFailWhenNoServerAnswersSoTheRelayRetries() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    MailSender mail = new MailSender();
    mail.config = config(port);

    assertThatThrownBy(() -> mail.send("a@example.com", "escalation.opened", "{}")).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("SMTP:");
  }

  private static EscalationConfig config(int port) {
    return new EscalationConfig("PT5S", "PT10S", 8, Optional.of("127.0.0.1"), port, Optional.empty(), Optional.empty(),
        "agenttrail@example.com", Optional.of("risk-officer@example.com"), false);
  }

  /** Accepts one connection and answers every SMTP command with success; returns what the client sent. */
  private static List<String> serveOne(ServerSocket server) {
    List<String> lines = new ArrayList<>();
    try (Socket s = server.accept();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.US_ASCII)) {
      out.print("220 test ESMTP\r\n");
      out.flush();
      boolean data = false;
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
        if (data) {
          if (line.equals(".")) {
            data = false;
            out.print("250 queued\r\n");
            out.flush();
          }
          continue;
        }
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
        switch (command) {
          case "EHLO", "HELO" -> out.print("250 test\r\n");
          case "DATA" -> {
            data = true;
            out.print("354 go on\r\n");
          }
          case "QUIT" -> {
            out.print("221 bye\r\n");
            out.flush();
            return lines;
          }
          default -> out.print("250 ok\r\n");
        }
        out.flush();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return lines;
  }
}
