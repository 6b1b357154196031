package dev.orchestrator.core.dockerfile;

/** One instruction after joining continuation lines; {@code line} is where it starts (1-based). */
record LogicalLine(String text, int line) {}
