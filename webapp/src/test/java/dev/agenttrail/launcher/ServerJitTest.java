package dev.agenttrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerJitTest {

  @TempDir
  Path runtime;

  @Test
  void shouldGiveTheServerTheDirectivesFile() throws Exception {
    List<String> options = ServerJit.options(List.of("-Xmx1g"), runtime, true);

    Path file = runtime.resolve(ServerJit.FILE);
    assertThat(options).containsExactly("-Xmx1g", "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + file);
    assertThat(Files.readString(file)).isEqualTo(ServerJit.directives()).contains("\"org/objectweb/asm/*.*\"");
  }

  @Test
  void shouldRewriteADirectivesFileThatIsNotThisBuilds() throws Exception {
    Path file = runtime.resolve(ServerJit.FILE);
    Files.writeString(file, "[ { match: \"*.*\", c2: { Exclude: true } } ]"); // an older build's, say

    ServerJit.options(List.of(), runtime, true);

    assertThat(Files.readString(file)).isEqualTo(ServerJit.directives());
  }

  @Test
  void shouldLeaveCompilationToTheUserWhenTheirOptionsDecideIt() throws Exception {
    for (String own : List.of("-XX:TieredStopAtLevel=1", "-XX:CompilerDirectivesFile=/opt/mine.json",
        "-XX:-TieredCompilation", "-XX:CompilationMode=quick-only", "-Xint", "-Xcomp")) {
      assertThat(ServerJit.options(List.of("-Xmx1g", own), runtime, true)).containsExactly("-Xmx1g", own);
    }
    assertThat(runtime.resolve(ServerJit.FILE)).doesNotExist();
  }

  @Test
  void shouldLeaveTheOptionsAloneOnAJvmThatIsNotHotSpot() throws Exception {
    assertThat(ServerJit.options(List.of("-Xmx1g"), runtime, false)).containsExactly("-Xmx1g");
  }

  @Test
  void shouldMatchEveryMethodOfAClassEntryAndJustTheMethodOfAMethodEntry() {
    assertThat(ServerJit.match("org/objectweb/asm/*")).isEqualTo("org/objectweb/asm/*.*");
    assertThat(ServerJit.match("java/lang/ClassLoader")).isEqualTo("java/lang/ClassLoader.*");
    assertThat(ServerJit.match("java/lang/Class.annotationData")).isEqualTo("java/lang/Class.annotationData");
    assertThat(ServerJit.match("java/util/zip/ZipFile$Source.initCEN"))
        .isEqualTo("java/util/zip/ZipFile$Source.initCEN");
    assertThat(ServerJit.STARTUP_ONLY).doesNotHaveDuplicates()
        .noneMatch(e -> e.startsWith("dev/agenttrail/") || e.startsWith("org/h2/") || e.startsWith("org/postgresql/"));
  }

  @Test
  void shouldBeReadByThisJvmAsC2ExclusionsForEveryPattern() throws Exception {
    // The JVM refuses to start on a directives file it cannot parse, but takes a misspelt option
    // without a word: ask this JVM what it read.
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(ServerJit.options(List.of(), runtime, true));
    command.addAll(List.of("-XX:+CompilerDirectivesPrint", "-version"));

    String output = run(command);

    assertThat(output).contains("1 compiler directives added");
    String ours = output.substring(output.indexOf("Directive:"), output.indexOf("Directive: (default)"));
    for (String entry : ServerJit.STARTUP_ONLY) {
      assertThat(ours).contains(ServerJit.match(entry));
    }
    assertThat(ours).containsPattern("c1 directives:\\s+inline: -\\s+Enable:false Exclude:false")
        .containsPattern("c2 directives:\\s+inline: -\\s+Enable:true Exclude:true");
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(jvm.exitValue()).as(output).isZero();
    return output;
  }
}
