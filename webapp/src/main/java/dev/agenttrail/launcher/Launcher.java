package dev.agenttrail.launcher;

import dev.agenttrail.reports.verify.PackVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code java -jar agenttrail.jar}: starts AgentTrail on Payara Micro; {@code java -jar agenttrail.jar
 * verify pack.zip [--key public-key.pem]} verifies an evidence pack offline instead.
 *
 * <p>Settings come from environment variables or system properties of the same name (see the
 * README's configuration table). The launcher passes the resolved data directory on to the
 * server as the system property {@code AGENTTRAIL_DATA_DIR}, so both agree on it, and keeps
 * Payara's working files under it ({@code payara/}, {@code tmp/}) instead of the system temp dir.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("verify")) {
      // Offline evidence-pack verification: no server, no data directory, JDK only.
      System.exit(PackVerifier.run(List.of(args).subList(1, args.length), System.out));
    }
    Path dataDir = Path.of(setting("AGENTTRAIL_DATA_DIR", "./data")).toAbsolutePath().normalize();
    String port = setting("AGENTTRAIL_HTTP_PORT", "8080");
    if (!port.matches("\\d{1,5}")) {
      System.err.println("AGENTTRAIL_HTTP_PORT must be a port number, not '" + port + "'");
      System.exit(2);
    }
    Files.createDirectories(dataDir);
    System.setProperty("AGENTTRAIL_DATA_DIR", dataDir.toString());

    Path runtime = unpack(dataDir.resolve("runtime"));
    // Payara's working directory is rebuilt at every start. Kept, it holds the domain configuration
    // of the last run with the application deployed in it: Payara then starts that copy, answers
    // requests with it, undeploys it to deploy the war named below, and is unavailable (503) in
    // between, after /health/ready had already said 200.
    deleteTree(dataDir.resolve("payara"));
    List<String> micro = new ArrayList<>(List.of(
        "--port", port,
        "--deploy", runtime.resolve("agenttrail.war").toString(),
        "--contextroot", "/",
        "--rootdir", dataDir.resolve("payara").toString(),
        "--disablephonehome"));
    if (!Boolean.parseBoolean(setting("AGENTTRAIL_CLUSTER", "false"))) {
      // A single instance needs no data grid: starting Hazelcast costs about 7 s of the start-up.
      micro.add("--nohazelcast");
    }
    boot(runtime.resolve("payara-micro.jar"), dataDir, micro);
  }

  /** Copies Payara Micro and the war out of this jar, unless this build's copies are there already. */
  private static Path unpack(Path runtime) throws IOException {
    Properties build = new Properties();
    try (InputStream in = resource("build.properties")) {
      build.load(in);
    }
    Path stamp = runtime.resolve("build.properties");
    Properties unpacked = new Properties();
    if (Files.exists(stamp)) {
      try (InputStream in = Files.newInputStream(stamp)) {
        unpacked.load(in);
      }
    }
    if (!build.equals(unpacked)) {
      Files.createDirectories(runtime);
      ServerJvm.removeArchives(runtime); // they describe the classes of the build being replaced
      for (String name : List.of("payara-micro.jar", "agenttrail.war", "build.properties")) {
        Path tmp = runtime.resolve(name + ".tmp");
        try (InputStream in = resource(name)) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(tmp, runtime.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    return runtime;
  }

  /**
   * Runs Payara Micro in a child JVM (its boot loader insists on the system class loader, so it
   * cannot share this one). The child gets this JVM's options ({@code -D} settings, the heap) and
   * environment, a heap of its own when those do not size it ({@link ServerHeap}); stopping the
   * launcher stops the child; the launcher exits with the child's code. {@link ServerJvm} adds class
   * data sharing, {@link ServerJit} the compiler directives.
   */
  private static void boot(Path payaraJar, Path dataDir, List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> inherited = new ArrayList<>();
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.startsWith("-DAGENTTRAIL_DATA_DIR=") && !option.startsWith("-Duser.timezone=")) {
        inherited.add(option);
      }
    }
    ServerJvm jvm = new ServerJvm(payaraJar);
    List<String> options = jvm.options(ServerHeap.options(inherited, Runtime.getRuntime().maxMemory()));
    command.addAll(ServerJit.options(options, payaraJar.getParent(), jvm.hotSpot()));
    command.add("-Duser.timezone=UTC");
    command.add("-DAGENTTRAIL_DATA_DIR=" + dataDir);
    command.add("-Djava.io.tmpdir=" + Files.createDirectories(dataDir.resolve("tmp")));
    command.add("-jar");
    command.add(payaraJar.toString());
    command.addAll(args);
    Process child = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (child.isAlive()) {
        child.destroy();
        try {
          jvm.serverExited(child.waitFor());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "agenttrail-stop"));
    int exitCode = child.waitFor();
    jvm.serverExited(exitCode);
    System.exit(exitCode);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static InputStream resource(String name) {
    InputStream in = Launcher.class.getResourceAsStream("/runtime/" + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("agenttrail.jar is incomplete: runtime/" + name
          + " is missing. Build it with 'mvn package'."));
    }
    return in;
  }

  static String setting(String name, String fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
