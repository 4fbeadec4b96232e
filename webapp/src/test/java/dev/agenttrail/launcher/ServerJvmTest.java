package dev.agenttrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerJvmTest {

  private static final String SERVER_JAR = "payara-micro.jar";

  @TempDir
  Path runtime;

  @Test
  void shouldRecordAClassArchiveOnTheFirstRunAndUseItOnTheNext() throws Exception {
    ServerJvm first = jvm("jdk-a");
    List<String> options = first.options(List.of("-Xmx1g", "-Dx=y"));
    Path recording = Path.of(first.archive() + ".recording");

    assertThat(options).startsWith("-Xmx1g", "-Dx=y").contains("-XX:ArchiveClassesAtExit=" + recording)
        .doesNotContain("-XX:SharedArchiveFile=" + first.archive());
    Files.writeString(recording, "what the server JVM wrote as it stopped");
    first.serverExited(143);

    assertThat(first.archive()).exists();
    assertThat(recording).doesNotExist();
    assertThat(jvm("jdk-a").options(List.of("-Xmx1g")))
        .contains("-XX:SharedArchiveFile=" + first.archive())
        .noneMatch(o -> o.contains("ArchiveClassesAtExit"));
  }

  @Test
  void shouldDiscardWhatAKilledServerWasRecording() throws Exception {
    ServerJvm jvm = jvm("jdk-a");
    jvm.options(List.of());
    Path recording = Path.of(jvm.archive() + ".recording");
    Files.writeString(recording, "half an archive");

    jvm.serverExited(137);

    assertThat(recording).doesNotExist();
    assertThat(jvm.archive()).doesNotExist();
  }

  @Test
  void shouldDropTheArchiveOfAnotherJvmAndRecordAgain() throws Exception {
    ServerJvm old = jvm("jdk-a");
    Files.writeString(old.archive(), "classes of jdk-a");

    ServerJvm upgraded = jvm("jdk-b");
    List<String> options = upgraded.options(List.of());

    assertThat(old.archive()).doesNotExist();
    assertThat(upgraded.archive()).isNotEqualTo(old.archive());
    assertThat(options).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
  }

  @Test
  void shouldRecordAgainWhenTheDataDirectoryHasMoved(@TempDir Path elsewhere) throws Exception {
    ServerJvm before = jvm("jdk-a");
    Files.writeString(before.archive(), "classes, recorded with the class path under the old place");
    Path moved = Files.move(runtime, elsewhere.resolve("runtime"));

    ServerJvm after = new ServerJvm(moved.resolve(SERVER_JAR), "jdk-a", true);
    List<String> options = after.options(List.of());

    // The JVM would silently ignore the old archive (its class path names the old place) and,
    // with an archive in place, the launcher would never record a usable one.
    assertThat(moved.resolve(before.archive().getFileName())).doesNotExist();
    assertThat(after.archive().getFileName()).isNotEqualTo(before.archive().getFileName());
    assertThat(options).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="))
        .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
  }

  @Test
  void shouldRecordAgainWhenTheServerJarWasCopiedWithoutItsTimes() throws Exception {
    Path jar = Files.writeString(runtime.resolve(SERVER_JAR), "the server");
    ServerJvm before = jvm("jdk-a");
    Files.writeString(before.archive(), "classes, recorded with the jar as it was");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));

    ServerJvm restored = jvm("jdk-a");

    assertThat(restored.options(List.of())).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    assertThat(before.archive()).doesNotExist();
  }

  @Test
  void shouldLeaveClassSharingToTheUserWhenTheirOptionsDecideIt() throws Exception {
    assertThat(jvm("jdk-a").options(List.of("-Xshare:off"))).containsExactly("-Xshare:off");
    assertThat(jvm("jdk-a").options(List.of("-XX:SharedArchiveFile=/opt/mine.jsa")))
        .containsExactly("-XX:SharedArchiveFile=/opt/mine.jsa");
  }

  @Test
  void shouldRecordNothingUnderAnAgentButStillUseAnArchiveRecordedBefore() throws Exception {
    // A JVM asked to record an archive refuses to start with an agent ("CDS dumping does not support
    // native JVMTI agent"): a profiler or APM agent must not stop the server from starting.
    ServerJvm jvm = jvm("jdk-a");
    assertThat(jvm.options(List.of("-agentpath:/opt/profiler.so"))).containsExactly("-agentpath:/opt/profiler.so", "-Xlog:cds*=off");
    assertThat(jvm.options(List.of("-javaagent:/opt/apm.jar"))).noneMatch(o -> o.contains("Archive"));

    Files.writeString(jvm.archive(), "recorded by an earlier run without the agent");
    assertThat(jvm.options(List.of("-javaagent:/opt/apm.jar"))).contains("-XX:SharedArchiveFile=" + jvm.archive());
  }

  @Test
  void shouldRemoveEveryArchiveAndRecordingBeforeANewBuildIsUnpacked() throws Exception {
    ServerJvm jvm = jvm("jdk-a");
    Files.writeString(jvm.archive(), "classes of the old build");
    Files.writeString(Path.of(jvm.archive() + ".recording"), "half an archive");
    Files.writeString(runtime.resolve(SERVER_JAR), "kept");

    ServerJvm.removeArchives(runtime);

    try (var left = Files.list(runtime)) {
      assertThat(left).containsExactly(runtime.resolve(SERVER_JAR));
    }
  }

  @Test
  void shouldLeaveTheOptionsAloneOnAJvmThatIsNotHotSpot() throws Exception {
    assertThat(new ServerJvm(runtime.resolve(SERVER_JAR), "openj9", false).options(List.of("-Xmx1g"))).containsExactly("-Xmx1g");
  }

  /** The launcher's view of a server started from {@code runtime} by the JVM named {@code jdk}. */
  private ServerJvm jvm(String jdk) {
    return new ServerJvm(runtime.resolve(SERVER_JAR), jdk, true);
  }
}
