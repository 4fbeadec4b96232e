package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * agenttrail.jar's start-up measures, on the real jar: the first run records the server's class
 * archive as it stops, the next run starts from it, and the server works either way; the server's
 * heap is the user's when they give one and the launcher's choice when they do not; the server JVM
 * gets the launcher's compiler directives.
 */
class LauncherIT {

  @Test
  void shouldRecordTheClassArchiveWhenStoppedAndStartTheNextRunFromIt() throws Exception {
    Path data = Files.createDirectories(Path.of(System.getProperty("it.dir"), "launcher-" + UUID.randomUUID()));

    JarServer first = JarServer.start(data);
    first.ready();
    assertThat(first.serverArguments()).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="))
        .as("the heap the user gave, and no other").filteredOn(a -> a.startsWith("-Xm")).containsExactly("-Xmx512m");
    assertThat(first.stop()).as("the launcher's exit code after SIGTERM").isEqualTo(143);
    assertThat(archives(data)).as("the class archive in the runtime directory, and no recording left over")
        .singleElement().satisfies(archive -> {
          assertThat(archive.getFileName().toString()).matches("server-[0-9a-f]{12}\\.jsa");
          assertThat(Files.size(archive)).isGreaterThan(10_000_000L);
        });

    JarServer second = JarServer.start(data, List.of());
    try {
      String base = second.ready();
      assertThat(second.serverArguments()).contains("-XX:SharedArchiveFile=" + archives(data).get(0))
          .noneMatch(a -> a.contains("ArchiveClassesAtExit"))
          .as("C2 kept off start-up-only code")
          .contains("-XX:CompilerDirectivesFile=" + data.resolve("runtime/jit-directives.json"));
      List<String> heap = second.serverArguments().stream().filter(a -> a.startsWith("-Xm")).toList();
      assertThat(heap).as("without -Xmx the launcher sizes the server's heap").singleElement().asString().matches("-Xmx\\d+m");
      assertThat(Integer.parseInt(heap.get(0).replaceAll("\\D", ""))).as("MB: 1 GB, less only on a small machine")
          .isBetween(256, 1024);
      HttpResponse<String> sources = JarServer.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sources"))
          .header("Authorization", "Bearer " + JarServer.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(sources.statusCode()).as(sources.body()).isEqualTo(200);
    } finally {
      second.stop();
    }
    assertThat(Files.readString(data.resolve("server.log"))).as("the server's log says nothing of class sharing")
        .doesNotContain("[cds]").doesNotContain("Not linked")
        .as("the server JVM read the compiler directives").contains("1 compiler directives added");
  }

  private static List<Path> archives(Path data) throws Exception {
    try (Stream<Path> files = Files.list(data.resolve("runtime"))) {
      return files.filter(f -> f.getFileName().toString().startsWith("server-")).toList();
    }
  }
}
