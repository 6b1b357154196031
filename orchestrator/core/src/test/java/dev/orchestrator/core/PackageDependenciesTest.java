package dev.orchestrator.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The core's package table (the README's "Architecture" section shows the same table): each package
 * and the packages it may import. A new arrow fails here until the table allows it.
 */
class PackageDependenciesTest {
  private static final String CORE = "dev.orchestrator.core";

  /** The root package: {@code Orchestrator}, requests, outcomes, {@code Verdict}. */
  private static final String ROOT = "(root)";

  private static final Set<String> LEAVES = Set.of("error", "image", "size", "process", "state");

  /** Package, then the packages it may import; the README's table, row for row. */
  private static final String[][] TABLE = {
    {"error", ""},
    {"image", ""},
    {"size", ""},
    {"registry", "error image layers process size"},
    {"process", "error"},
    {"state", "error"},
    {"result", "error size"},
    {"progress", "result size"},
    {"git", "error process"},
    {"dockerfile", "error"},
    {"config", "error image size"},
    {"discovery", "error config dockerfile git process"},
    {"graph", "error config discovery dockerfile"},
    {"lint", "error config discovery dockerfile graph result"},
    {"maven", "error discovery graph process"},
    {"workspace", "error image config discovery dockerfile graph maven process"},
    {"hash", "error config discovery dockerfile git graph"},
    {"layers", "error dockerfile size"},
    {"engine", "error image layers size process"},
    {
      "build",
      "error config discovery dockerfile engine graph hash image layers process progress registry"
          + " result size state uptodate"
    },
    {"uptodate", "engine error hash registry"},
    {"verify", "error config discovery engine image process progress result size"},
    {"publish", "error config discovery git graph image process result size state"},
    {"reproduce", "layers result size"},
    {
      "report",
      "build graph image layers lint progress publish reproduce result size verify workspace"
    },
    {ROOT, "*"},
  };

  static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

  static {
    for (String[] row : TABLE) {
      ALLOWED.put(row[0], Set.of(row[1].isEmpty() ? new String[0] : row[1].split(" ")));
    }
  }

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(CORE);

  @Test
  void everyPackageImportsOnlyWhatTheTableAllows() {
    List<String> forbidden = new ArrayList<>();
    Set<String> unlisted = new TreeSet<>();
    for (JavaClass c : CLASSES) {
      String from = area(c.getPackageName());
      if (!ALLOWED.containsKey(from)) {
        unlisted.add(from);
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String target = d.getTargetClass().getPackageName();
        if (!target.startsWith(CORE)) {
          continue;
        }
        String to = area(target);
        if (!to.equals(from)
            && !ALLOWED.get(from).contains(to)
            && !ALLOWED.get(from).contains("*")) {
          forbidden.add(from + " -> " + to + ": " + d.getDescription());
        }
      }
    }
    assertThat(unlisted).as("core packages missing from the table").isEmpty();
    assertThat(forbidden).as("imports the table does not allow").isEmpty();
  }

  @Test
  void theReadmeShowsThisTable() throws IOException {
    Path readme = Path.of("").toAbsolutePath();
    while (!Files.exists(readme.resolve("README.md"))
        || !Files.isDirectory(readme.resolve(".ci"))) {
      readme = readme.getParent();
    }
    String text = Files.readString(readme.resolve("README.md"));
    String rules = text.substring(text.indexOf("### Package rules"));
    Map<String, Set<String>> documented = new LinkedHashMap<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)` \\|[^|]*\\|([^|]*)\\|$").matcher(rules);
    while (row.find()) {
      Set<String> uses = new TreeSet<>();
      Matcher name = Pattern.compile("`([a-z]+)`").matcher(row.group(2));
      while (name.find()) {
        uses.add(name.group(1));
      }
      documented.put(row.group(1), uses);
    }
    Map<String, Set<String>> tested = new LinkedHashMap<>(ALLOWED);
    tested.remove(ROOT);
    assertThat(documented).isEqualTo(tested);
  }

  @Test
  void nothingImportsTheRootPackage() {
    ALLOWED.forEach((from, to) -> assertThat(from.equals(ROOT) || !to.contains(ROOT)).isTrue());
  }

  @Test
  void leavesImportNoOtherPackageButErrors() {
    LEAVES.forEach(leaf -> assertThat(ALLOWED.get(leaf)).isSubsetOf(Set.of("error")));
  }

  @Test
  void theTableHasNoCycle() {
    for (String start : ALLOWED.keySet()) {
      Set<String> seen = new HashSet<>();
      List<String> todo = new ArrayList<>(ALLOWED.get(start));
      while (!todo.isEmpty()) {
        String next = todo.remove(0);
        if (next.equals("*") || !seen.add(next)) {
          continue;
        }
        assertThat(next).as("a cycle through " + start).isNotEqualTo(start);
        todo.addAll(ALLOWED.getOrDefault(next, Set.of()));
      }
    }
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching(CORE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theCoreKnowsNoFrontEnd() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("picocli..", "org.apache.maven.plugin..", "dev.orchestrator.cli..")
        .check(CLASSES);
  }

  @Test
  void onlyTheEnginePackageTalksDockerJavaOrReadsImageExports() {
    noClasses()
        .that()
        .resideOutsideOfPackage(CORE + ".engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.github.dockerjava..")
        .check(CLASSES);
    // The engine reads the engine's exports; the reproducibility gate reads the layers of the OCI
    // layouts its own builds wrote.
    noClasses()
        .that()
        .resideOutsideOfPackages(CORE + ".engine..", CORE + ".reproduce..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.commons.compress..")
        .check(CLASSES);
  }

  private static String area(String packageName) {
    if (packageName.equals(CORE)) {
      return ROOT;
    }
    String rest = packageName.substring(CORE.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
