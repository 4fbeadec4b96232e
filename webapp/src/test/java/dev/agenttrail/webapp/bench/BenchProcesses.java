package dev.agenttrail.webapp.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Comparator;

/** What the benchmarks need of the machine: ports, the PostgreSQL probe, CPU times from /proc, clean-up. */
final class BenchProcesses {

  private BenchProcesses() {}

  /** CPU time the process has used so far (user and system, all threads). */
  static long cpuNanos(Process process) {
    // the launcher may run the server in a child JVM: count the whole tree
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.toHandle().descendants())
        .mapToLong(p -> cpuNanos(p.pid())).sum();
  }

  /** CPU time the JIT compiler threads of the process tree have used so far. */
  static long jitNanos(Process process) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.toHandle().descendants())
        .mapToLong(p -> {
          try (var tasks = Files.list(Path.of("/proc", Long.toString(p.pid()), "task"))) {
            return tasks.mapToLong(task -> {
              try {
                String stat = Files.readString(task.resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                return comm.contains("CompilerThre") ? ticks(stat) : 0;
              } catch (IOException | RuntimeException e) {
                return 0; // the thread ended
              }
            }).sum();
          } catch (IOException | RuntimeException e) {
            return 0; // not Linux, or the process ended
          }
        }).sum();
  }

  static long ticks(String stat) { // utime and stime, fields 14 and 15, in clock ticks of 10 ms
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
  }

  static long cpuNanos(long pid) {
    try {
      return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return 0; // not Linux, or the process ended
    }
  }

  /** Whether a PostgreSQL server answers at {@code url}. */
  static boolean pgAnswers(String url, String user, String password) {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
