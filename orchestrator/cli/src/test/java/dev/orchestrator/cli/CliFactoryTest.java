package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class CliFactoryTest {
  @Test
  void theNameTableSaysWhatEachSubcommandsAnnotationSays() {
    Map<String, Class<?>> annotated = new LinkedHashMap<>();
    for (Class<?> c : CliFactory.SUBCOMMANDS) {
      if (c != CompletionCommand.class) {
        Command command = c.getAnnotation(Command.class);
        annotated.put(command.name(), c);
        assertThat(command.aliases()).as("aliases of %s", c.getSimpleName()).isEmpty();
      }
    }
    assertThat(CliFactory.BY_NAME).containsExactlyInAnyOrderEntriesOf(annotated);
  }

  @Test
  void onlyTheNamedSubcommandIsModelled() {
    var out = new java.io.PrintWriter(java.io.Writer.nullWriter());
    assertThat(
            CliFactory.forArguments(out, out, false, new String[] {"plan", "--help"})
                .getSubcommands())
        .containsOnlyKeys("plan");
    assertThat(
            CliFactory.forArguments(out, out, false, new String[] {"completion"}).getSubcommands())
        .hasSize(CliFactory.SUBCOMMANDS.size());
    assertThat(CliFactory.forArguments(out, out, false, new String[] {"bulid"}).getSubcommands())
        .hasSize(CliFactory.SUBCOMMANDS.size());
  }
}
