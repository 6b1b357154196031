package dev.orchestrator.core.reproduce;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The paths whose entries differ between two layers, and in what. Pure. */
public final class LayerDiff {
  private LayerDiff() {}

  /** Differences in path order; empty when every entry is the same in both. */
  public static List<FileDifference> of(
      Map<String, FileEntry> first, Map<String, FileEntry> second) {
    Set<String> paths = new TreeSet<>(first.keySet());
    paths.addAll(second.keySet());
    List<FileDifference> differences = new ArrayList<>();
    for (String path : paths) {
      FileEntry a = first.get(path);
      FileEntry b = second.get(path);
      if (a == null || b == null) {
        differences.add(
            new FileDifference(
                path,
                EnumSet.of(Aspect.PRESENCE),
                a == null ? "only in the second build" : "only in the first build"));
        continue;
      }
      EnumSet<Aspect> aspects = EnumSet.noneOf(Aspect.class);
      List<String> details = new ArrayList<>();
      if (a.type() != b.type() || !a.content().equals(b.content())) {
        aspects.add(Aspect.CONTENT);
        details.add(
            a.type() != b.type()
                ? "entry type '" + a.type() + "' ≠ '" + b.type() + "'"
                : a.size() == b.size()
                    ? a.size() + " bytes in both"
                    : a.size() + " bytes ≠ " + b.size() + " bytes");
      }
      if (a.mode() != b.mode()) {
        aspects.add(Aspect.MODE);
        details.add(octal(a.mode()) + " ≠ " + octal(b.mode()));
      }
      if (a.uid() != b.uid()
          || a.gid() != b.gid()
          || !a.user().equals(b.user())
          || !a.group().equals(b.group())) {
        aspects.add(Aspect.OWNER);
        details.add(a.owner() + " ≠ " + b.owner());
      }
      if (!a.mtime().equals(b.mtime())) {
        aspects.add(Aspect.MTIME);
        details.add(a.mtime() + " ≠ " + b.mtime());
      }
      if (!aspects.isEmpty()) {
        differences.add(new FileDifference(path, aspects, String.join("; ", details)));
      }
    }
    return List.copyOf(differences);
  }

  private static String octal(int mode) {
    return String.format("%04o", mode);
  }
}
