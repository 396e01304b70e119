package dev.strata.domain.darwin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlamaVersionTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LLAMA_VERSION?=b6a6f8a1c2d3|b6a6f8a1c2d3",
        "LLAMA_VERSION ?= b6a6f8a1c2d3|b6a6f8a1c2d3",
        "LLAMA_VERSION=b6a6f8a1c2d3\\r|b6a6f8a1c2d3",
        "# LLAMA_VERSION?=old\\nLLAMA_VERSION?=new\\nLLAMA_VERSION?=newer|new",
        "LLAMA_REPO?=https://x\\n\\nLLAMA_VERSION?=abc\\nCMAKE_ARGS?=|abc",
      })
  void version_isRightHandSideOfFirstLlamaVersionLine(String makefile, String expected) {
    String text = makefile.replace("\\n", "\n").replace("\\r", "\r");

    assertThat(LlamaVersion.fromMakefile(text)).isEqualTo(expected);
  }

  @Test
  void missingLine_isRefused() {
    assertThatThrownBy(() -> LlamaVersion.fromMakefile("CMAKE_ARGS?=\n  LLAMA_VERSION?=x\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no line starts with LLAMA_VERSION");
  }

  @Test
  void emptyValue_isRefusedWithLineAndText() {
    assertThatThrownBy(() -> LlamaVersion.fromMakefile("A=1\nLLAMA_VERSION?=\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2 \"LLAMA_VERSION?=\"");
  }
}
