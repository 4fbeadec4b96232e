package dev.agenttrail.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The server JVM's compiler directives: HotSpot's optimising compiler (C2) leaves alone the code
 * that only runs while the server starts, which C1 compiles instead.
 *
 * <p>Start-up on two cores is CPU-bound, and C2 is busy for all of it: its queue never empties
 * until the server is ready, so one of the two cores compiles, mostly code that will not run again
 * (class loading, bytecode and XML parsing, annotation scanning, the OSGi runtime, CDI bootstrap,
 * Faces and JPA configuration). Kept off C2, that code runs on C1's code (a method is
 * marked not C2-compilable the first time C2 would take it), the queue is shorter, and the start
 * needs less CPU (docs/benchmarks.md, "Start-up"). Raising C2's thresholds for all code instead
 * (tried) also shortens the start, but delays C2 for the code that runs per request or per batch.
 * Code on the ingest and page paths (Grizzly, Jersey, Jackson, H2, the PostgreSQL driver, Weld's
 * proxies and contexts, the JDK's collections and digests, AgentTrail's own) is not in the list.
 *
 * <p>Options that decide compilation themselves ({@code -XX:CompilerDirectivesFile},
 * {@code -XX:TieredStopAtLevel}, {@code -XX:-TieredCompilation}, {@code -XX:CompilationMode},
 * {@code -Xint}, {@code -Xcomp}) leave the directives out; so does a JVM that is not HotSpot.
 */
final class ServerJit {

  /** Class patterns (HotSpot's directive syntax: internal names, {@code *} at the end) kept off C2. */
  static final List<String> STARTUP_ONLY = List.of(
      "jdk/internal/loader/*",                            // class and resource lookup
      "jdk/internal/jimage/*",                            // the JDK's own class image
      "jdk/internal/org/objectweb/asm/*",                 // the JDK's class spinning (lambdas, proxies)
      "org/objectweb/asm/*",                              // Payara's annotation scanning (class files)
      "org/glassfish/hk2/classmodel/*",                   // Payara's annotation scanner
      "org/glassfish/apf/*",                              // Payara's annotation processing
      "org/apache/felix/*",                               // the OSGi runtime resolving Payara's modules
      "com/sun/org/apache/xerces/*",                      // XML: domain.xml, descriptors, faces-config
      "org/jboss/weld/bootstrap/*",                       // CDI bean discovery and validation
      "org/jboss/weld/annotated/*",                       // CDI's annotated type model
      "com/sun/faces/config/*",                           // Faces configuration
      "org/eclipse/persistence/internal/jpa/metadata/*",  // JPA mapping metadata
      "org/eclipse/persistence/jpa/jpql/*");              // JPQL grammar and named queries

  /** The directives file's name in the runtime directory. */
  static final String FILE = "jit-directives.json";

  private ServerJit() {}

  /** {@code options} plus the directives, written to {@code runtime}, unless the options decide compilation. */
  static List<String> options(List<String> options, Path runtime, boolean hotSpot) throws IOException {
    if (!hotSpot || options.stream().anyMatch(ServerJit::decidesCompilation)) {
      return options;
    }
    // Written at every start (under a kilobyte), so it is always this build's.
    Path file = runtime.resolve(FILE);
    Path tmp = runtime.resolve(FILE + ".tmp");
    Files.writeString(tmp, directives());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    List<String> withDirectives = new ArrayList<>(options);
    withDirectives.add("-XX:+UnlockDiagnosticVMOptions"); // CompilerDirectivesFile is a diagnostic option
    withDirectives.add("-XX:CompilerDirectivesFile=" + file);
    return withDirectives;
  }

  /** One directive: every method of the {@link #STARTUP_ONLY} classes, excluded from C2. */
  static String directives() {
    String patterns = STARTUP_ONLY.stream().map(p -> "      \"" + p + ".*\"").collect(Collectors.joining(",\n"));
    return "[\n  {\n    \"match\": [\n" + patterns + "\n    ],\n    \"c2\": { \"Exclude\": true }\n  }\n]\n";
  }

  private static boolean decidesCompilation(String option) {
    return option.startsWith("-XX:CompilerDirectivesFile=") || option.startsWith("-XX:TieredStopAtLevel=")
        || option.equals("-XX:-TieredCompilation") || option.startsWith("-XX:CompilationMode=")
        || option.equals("-Xint") || option.equals("-Xcomp");
  }
}
