package dev.strata.matrix.core.proto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md 3.8: which proto edits are additive (nothing rebuilt) and which break. */
class ProtoShapeTest {
  private static final String BASE =
      """
      syntax = "proto3";
      package backend;
      option go_package = "github.com/go-skynet/LocalAI/pkg/grpc/proto";
      import "google/protobuf/empty.proto";

      service Backend {
        rpc Health(HealthMessage) returns (Reply) {}
        rpc Predict(PredictOptions) returns (Reply) {}
      }

      message PredictOptions {
        string Prompt = 1; // the prompt
        int32 Tokens = 2;
        oneof source {
          string url = 3;
        }
      }
      """;

  @ParameterizedTest(name = "additive: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "new field | int32 Tokens = 2; | int32 Tokens = 2;\\n  bool cache_prompt = 8;",
        "new message | package backend; | package backend;\\nmessage Extra { int32 a = 1; }",
        "new rpc | rpc Health(HealthMessage) returns (Reply) {} | rpc Health(HealthMessage) returns (Reply) {}\\n rpc Tune(TuneRequest) returns (Reply) {}",
        "new import | package backend; | package backend;\\nimport \"other.proto\";",
        "reserved line added | int32 Tokens = 2; | int32 Tokens = 2;\\n  reserved 9;",
        "comment changed | // the prompt | // what the user typed",
        "block comment added | message PredictOptions { | /* options */ message PredictOptions {",
        "whitespace changed | string Prompt = 1; | string   Prompt =\\n    1 ;",
        "fields reordered | string Prompt = 1; // the prompt\\n  int32 Tokens = 2; | int32 Tokens = 2;\\n  string Prompt = 1;",
      })
  void edit_isAdditive(String what, String from, String to) {
    String edited = BASE.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThat(edited).as(what).isNotEqualTo(BASE);
    assertThat(ProtoShape.isAdditive(BASE, edited)).as(what).isTrue();
  }

  @ParameterizedTest(name = "breaking: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "field removed | int32 Tokens = 2; | ''",
        "field replaced by reserved | int32 Tokens = 2; | reserved 2;",
        "field renumbered | int32 Tokens = 2; | int32 Tokens = 7;",
        "field retyped | int32 Tokens = 2; | int64 Tokens = 2;",
        "field renamed | int32 Tokens = 2; | int32 MaxTokens = 2;",
        "field given options | int32 Tokens = 2; | int32 Tokens = 2 [deprecated = true];",
        "field moved into a oneof | string url = 3; | string url = 3;\\n    int32 Tokens = 2;",
        "rpc removed | rpc Predict(PredictOptions) returns (Reply) {} | ''",
        "rpc made streaming | returns (Reply) {}\\n} | returns (stream Reply) {}\\n}",
        "syntax changed | syntax = \"proto3\"; | syntax = \"proto2\";",
        "package changed | package backend; | package backend.v2;",
        "go_package changed | pkg/grpc/proto\"; | pkg/grpc/protov2\";",
        "import removed | import \"google/protobuf/empty.proto\"; | ''",
      })
  void edit_isBreaking(String what, String from, String to) {
    String edited = BASE.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    if (what.equals("field moved into a oneof")) {
      edited = edited.replaceFirst("  int32 Tokens = 2;\n", "");
    }
    assertThat(edited).as(what).isNotEqualTo(BASE);
    assertThat(ProtoShape.isAdditive(BASE, edited)).as(what).isFalse();
  }

  @Test
  void rpcDeclaredWithSemicolon_isKeyedByItsWholeText_soAnyEditBreaks() {
    String before = "service S {\n  rpc A(X) returns (Y);\n}\n";
    String after = "service S {\n  rpc A(X) returns (Z);\n}\n";
    assertThat(ProtoShape.of(before).fingerprints())
        .containsEntry("service S|rpc A(X) returns (Y)", "rpc A(X) returns (Y)");
    assertThat(ProtoShape.isAdditive(before, after)).isFalse();
  }

  @Test
  void slashesInsideStrings_areNotComments() {
    String proto = "option go_package = \"a//b\"; int32 x = 1;";
    assertThat(ProtoShape.of(proto).fingerprints())
        .containsEntry("|go_package", "option go_package = \"a//b\"")
        .containsEntry("|x", "int32 x = 1");
  }

  @Test
  void declarations_areKeyedByKindAndNameUnderTheirParents() {
    assertThat(ProtoShape.of(BASE).fingerprints())
        .containsEntry("|service Backend", "service Backend")
        .containsEntry("service Backend|rpc Predict", "rpc Predict(PredictOptions) returns (Reply)")
        .containsEntry("message PredictOptions|Prompt", "string Prompt = 1")
        .containsEntry("message PredictOptions/oneof source|url", "string url = 3")
        .containsEntry("|syntax", "syntax = \"proto3\"");
  }

  @Test
  void missingRevision_isNotAdditive() {
    assertThat(ProtoShape.isAdditive(null, BASE)).isFalse();
    assertThat(ProtoShape.isAdditive(BASE, null)).isFalse();
  }
}
