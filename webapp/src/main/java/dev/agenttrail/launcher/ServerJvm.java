package dev.agenttrail.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The server JVM's options: the launcher's own (heap, {@code -D} settings), plus class data sharing
 * unless the user's options already decide it.
 *
 * <p>The first run of a build records the classes it loaded into an archive as it stops
 * ({@code -XX:ArchiveClassesAtExit}, dynamic CDS); later runs map that archive instead of reading,
 * parsing and verifying about 14,000 classes again. The archive sits in the runtime directory, named
 * for the JVM that wrote it and for the server jar it was recorded with (path, size, modification
 * time), and goes when the build, the JVM or that jar's place or times change: the JVM checks the
 * class path an archive was recorded with and silently ignores one that no longer matches (a data
 * directory moved, restored or copied elsewhere, a volume mounted at another path), and a start
 * without it is 2-4 s slower. {@code -Xshare:off} among the user's options turns it off; with an
 * agent among them ({@code -javaagent}, {@code -agentpath}) nothing is recorded; on OpenJ9, whose
 * class sharing works differently, nothing is added.
 */
final class ServerJvm {

  /** The exit code of a JVM ended by SIGKILL. */
  private static final int KILLED = 128 + 9;

  private final Path archive;
  private final Path recording;
  private final boolean hotSpot;

  /** For a server started from {@code serverJar} (its archive beside it), by the JVM this launcher runs on. */
  ServerJvm(Path serverJar) {
    // The options below are HotSpot's; OpenJ9 shares classes its own way (-Xshareclasses).
    this(serverJar, System.getProperty("java.home") + "|" + System.getProperty("java.vm.version"),
        !System.getProperty("java.vm.name", "").contains("OpenJ9"));
  }

  ServerJvm(Path serverJar, String jvm, boolean hotSpot) {
    Path runtime = serverJar.toAbsolutePath().normalize().getParent();
    this.archive = runtime.resolve("server-" + digest(jvm + "|" + classPath(serverJar)) + ".jsa");
    this.recording = runtime.resolve(archive.getFileName() + ".recording");
    this.hotSpot = hotSpot;
  }

  /** The server JVM's options, given the launcher's own. */
  List<String> options(List<String> inherited) throws IOException {
    List<String> options = new ArrayList<>(inherited);
    if (hotSpot && inherited.stream().noneMatch(o -> o.startsWith("-Xshare") || o.contains("SharedArchiveFile")
        || o.contains("ArchiveClassesAtExit"))) {
      removeOtherArchives();
      if (Files.isRegularFile(archive)) {
        options.add("-XX:SharedArchiveFile=" + archive);
      } else if (inherited.stream().noneMatch(ServerJvm::isAgent)) {
        Files.deleteIfExists(recording);
        options.add("-XX:ArchiveClassesAtExit=" + recording);
      }
      // The JVM explains every class it leaves out of an archive; nobody needs that in the log.
      options.add("-Xlog:cds*=off");
    }
    return options;
  }

  /**
   * After the server JVM has exited: an archive it recorded becomes the one later runs use. A JVM
   * killed while writing leaves a recording that is never moved into place. Called by whichever of
   * the launcher's threads sees the exit first, and again by the other.
   */
  synchronized void serverExited(int exitCode) {
    try {
      if (Files.isRegularFile(recording) && Files.size(recording) > 0 && exitCode != KILLED) {
        Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.deleteIfExists(recording);
      }
    } catch (IOException e) {
      System.err.println("AgentTrail could not keep the server's class archive (" + e + "); the next start records it again.");
    }
  }

  Path archive() {
    return archive;
  }

  /** Whether the server runs on HotSpot, whose options ({@code -XX:...}) the launcher adds. */
  boolean hotSpot() {
    return hotSpot;
  }

  /**
   * A Java or native agent (a profiler, an APM agent, a debugger): a JVM asked to record an archive
   * refuses to start with one, so none is recorded then. An archive recorded before is still used.
   */
  private static boolean isAgent(String option) {
    return option.startsWith("-javaagent:") || option.startsWith("-agentpath:") || option.startsWith("-agentlib:")
        || option.startsWith("-Xrun");
  }

  /** Archives named for another JVM or another server jar (moved, copied): the JVM would not use them. */
  private void removeOtherArchives() throws IOException {
    try (DirectoryStream<Path> archives = Files.newDirectoryStream(archive.getParent(), "server-*.jsa")) {
      for (Path other : archives) {
        if (!other.equals(archive)) {
          Files.delete(other);
        }
      }
    }
  }

  /**
   * Removes every class archive and recording from {@code runtime}, before a new build is unpacked
   * there: the JVM would silently ignore an archive whose class path no longer matches, and the next
   * run would not record one in its place.
   */
  static void removeArchives(Path runtime) throws IOException {
    try (DirectoryStream<Path> archives = Files.newDirectoryStream(runtime, "server-*.jsa*")) {
      for (Path archive : archives) {
        Files.delete(archive);
      }
    }
  }

  /**
   * What the JVM checks of the class path an archive was recorded with: the server jar's absolute
   * path, size and modification time (a copy without its times, a restore, differ in the last).
   */
  private static String classPath(Path serverJar) {
    Path jar = serverJar.toAbsolutePath().normalize();
    try {
      return jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException e) {
      return jar.toString(); // not unpacked (a test); the server would not start either
    }
  }

  private static String digest(String jvmAndPlace) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(jvmAndPlace.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
