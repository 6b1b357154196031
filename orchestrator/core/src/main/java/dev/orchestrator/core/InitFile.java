package dev.orchestrator.core;

/**
 * One file {@code orchestrator init} considered.
 *
 * @param path relative to the repository root
 * @param written true when init wrote it now; false when it existed and was left as it was
 * @param detail what it holds ({@code roots: services, apps}), or why it was left
 */
public record InitFile(String path, boolean written, String detail) {}
