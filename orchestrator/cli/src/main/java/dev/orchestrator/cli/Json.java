package dev.orchestrator.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The CLI's JSON output: maps (in their own order), collections, strings, numbers, booleans,
 * Optional and null, written by Jackson in the layout scripts and tests match on: two-space
 * indents, {@code "key": value}, one array element per line, {@code []} and {@code {}} when empty,
 * {@code \n} line ends on every OS.
 */
final class Json {
  private static final ObjectWriter WRITER =
      new ObjectMapper()
          .registerModule(new SimpleModule().addSerializer(new OptionalSerializer()))
          .writer(prettyPrinter());

  private Json() {}

  static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    // Jackson's default puts arrays on one line, " : " between key and value and a space in
    // empty containers.
    DefaultIndenter lines = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
        .withObjectIndenter(lines)
        .withArrayIndenter(lines);
  }

  /**
   * An Optional is written as its value or null. Jackson needs a module for Optional; this is all
   * of it the CLI uses.
   */
  private static final class OptionalSerializer extends StdSerializer<Optional<?>> {
    OptionalSerializer() {
      super(Optional.class, false);
    }

    @Override
    public void serialize(Optional<?> value, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      provider.defaultSerializeValue(value.orElse(null), out);
    }
  }
}
