package dev.orchestrator.core.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The uid of a container's process, read from the host's {@code /proc/PID/status}: images may have
 * no {@code id} binary to ask from inside.
 */
final class ProcStatus {
  private ProcStatus() {}

  /**
   * The effective uid from a status file's {@code Uid:} line (real, effective, saved, filesystem
   * uids, tab-separated); empty if there is no such line.
   */
  static OptionalLong effectiveUid(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("Uid:")) {
        String[] ids = line.substring(4).strip().split("\\s+");
        if (ids.length >= 2 && ids[1].matches("[0-9]+")) {
          return OptionalLong.of(Long.parseLong(ids[1]));
        }
      }
    }
    return OptionalLong.empty();
  }

  /** Checks the process {@code pid} on this host. */
  static CheckResult check(long pid) {
    Path file = Path.of("/proc", Long.toString(pid), "status");
    String status;
    try {
      status = Files.readString(file);
    } catch (IOException e) {
      return CheckResult.notApplicable(
          Check.PROCESS_USER,
          "process " + pid + " is not visible here (" + file + "): is the engine remote?");
    }
    OptionalLong uid = effectiveUid(status);
    if (uid.isEmpty()) {
      return CheckResult.notApplicable(Check.PROCESS_USER, "no Uid line in " + file);
    }
    return uid.getAsLong() == 0
        ? CheckResult.fail(Check.PROCESS_USER, "uid 0")
        : CheckResult.pass(Check.PROCESS_USER, "uid " + uid.getAsLong());
  }
}
