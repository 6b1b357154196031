package dev.orchestrator.cli.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A {@code docker} first on the PATH that logs each call's arguments, and each bake session's
 * definition on one line ({@code bake-definition {…}}), then runs the real one: how the CI tests
 * count builds and read what each target was wired to.
 */
final class DockerShim {
  private DockerShim() {}

  /**
   * @param dir the folder to put first on the PATH
   * @param log where calls go when the process has no {@code DOCKER_LOG} of its own
   * @return {@code dir}
   */
  static Path create(Path dir, Path log) throws IOException {
    Files.createDirectories(dir);
    String realDocker =
        TestProcesses.run(List.of("bash", "-c", "command -v docker"), null, Map.of())
            .output()
            .get(0)
            .strip();
    Path script =
        Files.writeString(
            dir.resolve("docker"),
            "#!/bin/sh\nlog=\"${DOCKER_LOG:-"
                + log
                + "}\"\nprintf '%s\\n' \"$*\" >> \"$log\"\n"
                + "prev=\nfor a in \"$@\"; do\n"
                + "  if [ \"$2\" = bake ] && [ \"$prev\" = --file ]; then\n"
                + "    printf 'bake-definition %s\\n' \"$(tr -d '\\n' < \"$a\")\" >> \"$log\"\n"
                + "  fi\n  prev=$a\ndone\nexec "
                + realDocker
                + " \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }
}
