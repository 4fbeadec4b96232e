package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * agenttrail.jar run as a user runs it ({@code java -jar}), on a data directory of the test's, with
 * the server's output in {@code server.log} there. The launcher runs the server in a child JVM.
 */
record JarServer(Process launcher, String base) {

  static final String ADMIN_TOKEN = "jar-admin-token";
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static Path jar() {
    Path jar = Path.of(System.getProperty("agenttrail.war")).resolveSibling("agenttrail.jar");
    assertThat(jar).as("built by mvn package before the integration tests").exists();
    return jar;
  }

  static JarServer start(Path data) throws IOException {
    return start(data, List.of("-Xmx512m"));
  }

  /** With these options for {@code java} (none: the heap the launcher chooses). */
  static JarServer start(Path data, List<String> jvmOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AGENTTRAIL_"));
    env.put("AGENTTRAIL_DATA_DIR", data.toString());
    int port = freePort();
    env.put("AGENTTRAIL_HTTP_PORT", Integer.toString(port));
    env.put("AGENTTRAIL_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("AGENTTRAIL_ADMIN_PASSWORD", "jar-admin-password");
    return new JarServer(pb.start(), "http://127.0.0.1:" + port);
  }

  /** Waits for /health/ready; answers the base URL. */
  String ready() throws Exception {
    for (int i = 0; i < 900; i++) {
      assertThat(launcher.isAlive()).as("AgentTrail exited during start-up; see its server.log").isTrue();
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return base;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("AgentTrail was not ready within 180 s");
  }

  /** The server JVM's command line, as the operating system reports it. */
  List<String> serverArguments() {
    return launcher.toHandle().children().findFirst().flatMap(p -> p.info().arguments()).map(List::of)
        .orElseThrow(() -> new AssertionError("the launcher runs no server JVM"));
  }

  /** SIGTERM to the launcher, as Ctrl-C or {@code docker stop} sends it; waits for both JVMs to end. */
  int stop() throws InterruptedException {
    Optional<ProcessHandle> server = launcher.toHandle().children().findFirst();
    launcher.destroy();
    server.ifPresent(p -> p.onExit().join());
    return launcher.waitFor();
  }

  /** SIGKILL to the server JVM (the launcher's child) and the launcher: no shutdown hook runs. */
  void kill() throws InterruptedException {
    List<ProcessHandle> tree = launcher.toHandle().descendants().toList();
    tree.forEach(ProcessHandle::destroyForcibly);
    launcher.destroyForcibly();
    for (ProcessHandle p : tree) {
      p.onExit().join();
    }
    launcher.waitFor();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
