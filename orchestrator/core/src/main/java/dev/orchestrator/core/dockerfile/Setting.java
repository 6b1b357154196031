package dev.orchestrator.core.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * An instruction that sets part of the image a stage builds, kept for checks of image policy
 * (lint): who it runs as, its health check, its command, its variables and its remote sources.
 *
 * @param stage the index of the stage it is in; -1 for an ARG before the first FROM
 * @param kind what it sets
 * @param name ARG and ENV: the variable's name; USER: the user after ARG and ENV substitution (as
 *     written when it cannot be substituted); HEALTHCHECK: {@code NONE} or {@code CMD}; ADD: one
 *     source as written; CMD and ENTRYPOINT: empty
 * @param value ARG and ENV: the value as written, absent for {@code ARG NAME}; ADD: its {@code
 *     --checksum}, absent without one; otherwise absent
 * @param line 1-based line where the instruction starts
 */
public record Setting(int stage, Kind kind, String name, Optional<String> value, int line) {

  /** The instructions kept. */
  public enum Kind {
    ARG,
    ENV,
    USER,
    HEALTHCHECK,
    ADD,
    CMD,
    ENTRYPOINT
  }

  public Setting {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
