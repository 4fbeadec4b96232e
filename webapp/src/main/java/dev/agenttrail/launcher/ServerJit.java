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
 * (class loading, reading annotations, generating classes, bytecode and XML parsing, annotation
 * scanning, Payara's module runtime and service registry, CDI bootstrap, Faces, JPA and Bean
 * Validation metadata). Kept off C2, that code runs on C1's code (a method is
 * marked not C2-compilable the first time C2 would take it), the queue is shorter, and the start
 * needs less CPU (docs/benchmarks.md, "Start-up": this list takes about 3 s of CPU more off a start
 * than the first one, of 13 packages, and the server is ready about a second sooner). Raising C2's
 * thresholds for all code instead (tried) also shortens the start, but delays C2 for the code that
 * runs per request or per batch.
 * Code on the ingest and page paths (Grizzly, Jersey, JSON-P, H2, the PostgreSQL driver, Weld's
 * proxies and contexts, the JDK's collections, strings, digests and I/O, AgentTrail's own) is not in
 * the list; where a class serves both, only the methods the start needs are.
 *
 * <p>Options that decide compilation themselves ({@code -XX:CompilerDirectivesFile},
 * {@code -XX:TieredStopAtLevel}, {@code -XX:-TieredCompilation}, {@code -XX:CompilationMode},
 * {@code -Xint}, {@code -Xcomp}) leave the directives out; so does a JVM that is not HotSpot.
 */
final class ServerJit {

  /**
   * Code kept off C2, in HotSpot's directive syntax (internal names; {@code *} at the end of a name
   * matches any rest). An entry with a method ({@code Class.method}) is that method; any other entry
   * is every method of the classes it matches. Chosen from a compile log of a start (what C2
   * compiled before the server was ready, by compile time) and a CPU profile of a warm server
   * ingesting (each entry's own time there: 0.17 % of the server's CPU for all of them together,
   * docs/benchmarks.md, "Start-up").
   */
  static final List<String> STARTUP_ONLY = List.of(
      // Finding, reading and defining classes and resources
      "jdk/internal/loader/*",
      "jdk/internal/jimage/*",
      "jdk/internal/module/*",
      "java/lang/ClassLoader",
      "java/security/SecureClassLoader",
      "java/net/URLClassLoader*",
      "java/net/URL",
      "java/net/URLStreamHandler*",
      "sun/net/*",
      "sun/nio/fs/UnixPath",
      "java/util/jar/*",
      "java/util/zip/ZipFile$Source.initCEN",
      "java/lang/Class.getPackage",
      "com/sun/enterprise/loader/*",
      "com/sun/appserv/connectors/*",
      "org/glassfish/web/loader/*",
      "org/apache/naming/*",
      // Reading a class's annotations and members the first time (the JDK caches them)
      "java/lang/Class.annotationData",
      "java/lang/Class.privateGet*",
      "java/lang/Class.getMethodsRecursive",
      "java/lang/Class.getMethod",
      "java/lang/Class.getMethod0",
      "java/lang/Class.getAnnotation*",
      "java/lang/Class.isAnnotationPresent",
      "java/lang/reflect/Executable",
      "java/lang/reflect/Method.getDeclaredAnnotations",
      "java/lang/reflect/Method.getAnnotation",
      "java/lang/reflect/Field.declaredAnnotations",
      "java/lang/reflect/Field.getDeclaredAnnotations",
      "java/lang/reflect/Field.getAnnotation",
      "sun/reflect/annotation/*",
      "sun/reflect/generics/*",
      // Generating classes: lambdas, method handles, proxies, CDI's proxies
      "jdk/internal/org/objectweb/asm/*",
      "java/lang/reflect/ProxyGenerator*",
      "java/lang/invoke/InvokerBytecodeGenerator*",
      "java/lang/invoke/MethodType.makeImpl",
      "java/io/DataOutputStream*",
      "org/jboss/classfilewriter/*",
      // Payara's annotation scanning of the war (class files parsed with ASM) and its processing
      "org/objectweb/asm/*",
      "org/glassfish/hk2/classmodel/*",
      "org/glassfish/apf/*",
      "com/sun/enterprise/deployment/annotation/*",
      "com/sun/enterprise/deployment/deploy/shared/*",
      "com/sun/enterprise/util/net/*",
      "org/glassfish/weld/connector/*",
      // Configuration and descriptors: domain.xml, web.xml, faces-config, property files
      "com/sun/org/apache/xerces/*",
      "com/sun/enterprise/deployment/node/*",
      "com/sun/enterprise/deployment/util/*",
      "java/util/Properties*",
      "java/io/StreamTokenizer*",
      // Payara's module runtime, deployment and service registry as it starts
      "org/apache/felix/*",
      "com/sun/enterprise/v3/server/*",
      "org/jvnet/hk2/internal/PerLocatorUtilities*",
      "org/jvnet/hk2/internal/ServiceLocatorImpl.narrow",
      "org/jvnet/hk2/internal/ServiceLocatorImpl.hasInjectAnnotation",
      "org/jvnet/hk2/internal/ServiceLocatorImpl.getDescriptors",
      "org/jvnet/hk2/internal/Utilities.fixAndCheckQualifiers",
      "org/jvnet/hk2/internal/Utilities.isProxiable",
      "org/jvnet/hk2/internal/SystemDescriptor.isValidating",
      "org/glassfish/hk2/api/AnnotationLiteral.getMembers",
      "org/glassfish/hk2/utilities/reflection/*",
      // CDI: bean discovery, the annotated type model, resolution and validation at deployment
      "org/jboss/weld/bootstrap/*",
      "org/jboss/weld/annotated/*",
      "org/jboss/weld/resolution/*",
      "org/jboss/weld/resources/*",
      "org/jboss/weld/util/reflection/*",
      "org/jboss/weld/util/Types*",
      "org/jboss/weld/util/Interceptors*",
      // Faces configuration, JPA mapping metadata and JPQL grammar, Bean Validation metadata
      "com/sun/faces/config/*",
      "org/eclipse/persistence/internal/jpa/metadata/*",
      "org/eclipse/persistence/jpa/jpql/*",
      "org/hibernate/validator/internal/metadata/*",
      "org/hibernate/validator/internal/util/TypeHelper");

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

  /** One directive: the {@link #STARTUP_ONLY} code, excluded from C2. */
  static String directives() {
    String patterns = STARTUP_ONLY.stream().map(p -> "      \"" + match(p) + "\"").collect(Collectors.joining(",\n"));
    return "[\n  {\n    \"match\": [\n" + patterns + "\n    ],\n    \"c2\": { \"Exclude\": true }\n  }\n]\n";
  }

  /** The directive's method pattern for an entry of {@link #STARTUP_ONLY}. */
  static String match(String entry) {
    return entry.substring(entry.lastIndexOf('/') + 1).contains(".") ? entry : entry + ".*";
  }

  private static boolean decidesCompilation(String option) {
    return option.startsWith("-XX:CompilerDirectivesFile=") || option.startsWith("-XX:TieredStopAtLevel=")
        || option.equals("-XX:-TieredCompilation") || option.startsWith("-XX:CompilationMode=")
        || option.equals("-Xint") || option.equals("-Xcomp");
  }
}
