package dev.strata.gateway.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Agent report bodies for tests. */
final class LegPayloads {
  private LegPayloads() {}

  static JsonObject result(String digest) {
    JsonObject r =
        new JsonObject()
            .put("pushedTo", new JsonArray().add("quay.io/go-skynet/local-ai-backends"))
            .put(
                "cacheRead", new JsonArray().add("quay.io/go-skynet/ci-cache:cache-cpu-vllm-amd64"))
            .put(
                "cacheWritten",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("ref", "quay.io/go-skynet/ci-cache:cache-cpu-vllm-amd64")
                            .put("options", "mode=max,ignore-error=true")))
            .put("provenance", false)
            .put(
                "steps",
                new JsonArray()
                    .add(new JsonObject().put("name", "FROM ubuntu").put("cached", true))
                    .add(
                        new JsonObject()
                            .put("name", "RUN make")
                            .put("cached", false)
                            .put("durationMillis", 1200)))
            .put(
                "inputs",
                new JsonObject()
                    .put(
                        "buildArgs",
                        new JsonArray()
                            .add(
                                new JsonObject()
                                    .put("name", "DEPS_REFRESH")
                                    .put("value", "2026-W48")))
                    .put("baseImage", "ubuntu:24.04")
                    .put("dockerfileDigest", "sha256:dockerfile")
                    .put("contextDigest", "sha256:context")
                    .put("builder", "engine/20.10"));
    if (digest != null) {
      r.put("digest", digest);
    }
    return r;
  }
}
