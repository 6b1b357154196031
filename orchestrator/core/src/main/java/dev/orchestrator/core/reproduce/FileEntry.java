package dev.orchestrator.core.reproduce;

import java.nio.file.attribute.FileTime;

/**
 * One entry of a layer's tar, as far as two builds can differ in it.
 *
 * @param path the path in the image, without a leading {@code ./} or {@code /} or a trailing {@code
 *     /}
 * @param type the tar type flag ({@code '0'} file, {@code '5'} folder, {@code '2'} symbolic link,
 *     {@code '1'} hard link, …)
 * @param mode the permission bits (with setuid, setgid and sticky)
 * @param content a digest of what the entry holds: the bytes of a file, the target of a link, empty
 *     for a folder; with the type, so that a file turned into a link differs in content
 * @param mtime the modification time, to the precision the tar records it (PAX headers give
 *     sub-second times)
 */
public record FileEntry(
    String path,
    char type,
    int mode,
    long uid,
    long gid,
    String user,
    String group,
    FileTime mtime,
    long size,
    String content) {

  /** The owner as the report shows it: {@code 1000:1000}, with names where the tar has them. */
  public String owner() {
    return uid
        + ":"
        + gid
        + (user.isEmpty() && group.isEmpty() ? "" : " (" + user + ":" + group + ")");
  }
}
