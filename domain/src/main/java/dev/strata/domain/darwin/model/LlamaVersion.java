package dev.strata.domain.darwin.model;

import dev.strata.domain.Values;

/**
 * Reads {@code LLAMA_VERSION} from the text of {@code backend/cpp/llama-cpp/Makefile} (DOMAIN.md
 * 8.2): the right-hand side of the first line starting with {@code LLAMA_VERSION}, with {@code ?}
 * and blanks removed. The line looks like {@code LLAMA_VERSION?=<sha>}.
 */
public final class LlamaVersion {
  private static final String VARIABLE = "LLAMA_VERSION";

  private LlamaVersion() {}

  /** The version pinned by {@code makefile}, the file's whole text. */
  public static String fromMakefile(String makefile) {
    Values.required(makefile, "Makefile text");
    String[] lines = makefile.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!line.startsWith(VARIABLE)) {
        continue;
      }
      int eq = line.indexOf('=');
      String value = eq < 0 ? "" : line.substring(eq + 1).replaceAll("[?\\s]", "");
      if (value.isEmpty()) {
        throw new IllegalArgumentException(
            "Tried to read LLAMA_VERSION from the Makefile but failed because: line "
                + (i + 1)
                + " "
                + Values.quote(line)
                + " has no value; write it as LLAMA_VERSION?=<commit>");
      }
      return value;
    }
    throw new IllegalArgumentException(
        "Tried to read LLAMA_VERSION from the Makefile but failed because: no line starts with"
            + " LLAMA_VERSION; add one such as LLAMA_VERSION?=<commit>");
  }
}
