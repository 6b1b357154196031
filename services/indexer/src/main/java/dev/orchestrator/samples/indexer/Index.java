package dev.orchestrator.samples.indexer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** An in-memory inverted index: each lower-case word to the documents that contain it. */
final class Index {

  private final Map<String, Set<String>> postings;
  private final int documents;

  private Index(Map<String, Set<String>> postings, int documents) {
    this.postings = postings;
    this.documents = documents;
  }

  static Index empty() {
    return new Index(Map.of(), 0);
  }

  /** Reads every regular file under {@code root}; a missing folder gives an empty index. */
  static Index of(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return empty();
    }
    Map<String, Set<String>> postings = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String name = root.relativize(file).toString();
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!word.isEmpty()) {
          postings.computeIfAbsent(word, w -> new TreeSet<>()).add(name);
        }
      }
    }
    return new Index(postings, files.size());
  }

  List<String> find(String word) {
    return List.copyOf(postings.getOrDefault(word, Set.of()));
  }

  int documents() {
    return documents;
  }

  int words() {
    return postings.size();
  }
}
