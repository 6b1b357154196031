package dev.orchestrator.core.report;

import dev.orchestrator.core.layers.LayerRow;
import dev.orchestrator.core.layers.LayerTable;
import dev.orchestrator.core.size.ByteSize;
import dev.orchestrator.core.size.ImageSizes;
import java.util.List;
import java.util.Locale;

/**
 * {@code orchestrator layers} as text, and as Markdown for {@code build --summary --layers}: one
 * table per platform, a row per layer (base first), then the totals, which are the image's sizes.
 */
public final class LayersText {
  /** Instructions longer than this are cut in the text table (JSON keeps them whole). */
  static final int INSTRUCTION_WIDTH = 60;

  private LayersText() {}

  public static String render(List<LayerTable> tables) {
    StringBuilder out = new StringBuilder();
    for (LayerTable t : tables) {
      out.append(t.service())
          .append(' ')
          .append(t.platform())
          .append("  ")
          .append(t.image())
          .append("  ")
          .append(t.manifestDigest())
          .append('\n');
      out.append(
          String.format(
              Locale.ROOT,
              "  %3s  %-" + INSTRUCTION_WIDTH + "s  %12s  %12s  %s%n",
              "#",
              "instruction",
              "compressed",
              "uncompressed",
              "cache"));
      for (LayerRow row : t.rows()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %3d  %-" + INSTRUCTION_WIDTH + "s  %12s  %12s  %s%n",
                row.layer().index(),
                cut(oneLine(row.layer().instructionText()), INSTRUCTION_WIDTH),
                human(row.layer().blob().compressedBytes()),
                human(row.layer().blob().uncompressedBytes()),
                row.cache().label()));
      }
      ImageSizes total = t.sizes();
      out.append(
          String.format(
              Locale.ROOT,
              "  %3s  %-" + INSTRUCTION_WIDTH + "s  %12s  %12s%n",
              "",
              "total (" + total.compressedBytes() + " / " + total.uncompressedBytes() + " bytes)",
              human(total.compressedBytes()),
              human(total.uncompressedBytes())));
      t.unknownBecause().ifPresent(why -> out.append("  cache unknown: ").append(why).append('\n'));
      out.append('\n');
    }
    return out.toString();
  }

  /** One Markdown table per platform, under a heading. */
  public static String markdown(List<LayerTable> tables) {
    StringBuilder out = new StringBuilder();
    for (LayerTable t : tables) {
      out.append("#### ")
          .append(MarkdownSummary.cell(t.service()))
          .append(" ")
          .append(MarkdownSummary.cell(t.platform()))
          .append(" layers\n\n");
      out.append("| # | instruction | compressed | uncompressed | cache |\n");
      out.append("|---:|---|---:|---:|---|\n");
      for (LayerRow row : t.rows()) {
        out.append("| ")
            .append(row.layer().index())
            .append(" | `")
            .append(MarkdownSummary.cell(row.layer().instructionText()).replace("`", "'"))
            .append("` | ")
            .append(human(row.layer().blob().compressedBytes()))
            .append(" | ")
            .append(human(row.layer().blob().uncompressedBytes()))
            .append(" | ")
            .append(row.cache().label())
            .append(" |\n");
      }
      ImageSizes total = t.sizes();
      out.append("| | total | ")
          .append(human(total.compressedBytes()))
          .append(" | ")
          .append(human(total.uncompressedBytes()))
          .append(" | |\n\n");
      t.unknownBecause()
          .ifPresent(
              why ->
                  out.append("cache unknown: ").append(MarkdownSummary.cell(why)).append("\n\n"));
    }
    return out.toString();
  }

  private static String human(long bytes) {
    return new ByteSize(bytes).human();
  }

  private static String oneLine(String text) {
    return text.replace("\r", "").replace('\n', ' ');
  }

  private static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
