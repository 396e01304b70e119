package dev.strata.matrix.adapter.yaml;

import java.util.LinkedHashMap;
import java.util.List;

/** The profile file's shape, as Jackson binds it (validated further by {@link ProfileMapper}). */
record ProfileDocument(
    @Required LocatedText profile,
    @Required FileDoc matrix,
    @Required FileDoc proto,
    @Required OsDoc linux,
    @Required OsDoc darwin,
    @Required List<SharedDoc> sharedInputs,
    @Required LimitsDoc limits,
    @Required RegistriesDoc registries,
    LintDoc lint,
    // the builder-agent's section (its own loader validates it); the change filter ignores it
    com.fasterxml.jackson.databind.JsonNode builder,
    // the api-gateway's section (platform schedules; its own reader validates it)
    com.fasterxml.jackson.databind.JsonNode schedules,
    LinkedHashMap<String, PipelineDoc> pipelines) {

  record PipelineDoc(
      @Required LocatedText kind,
      LocatedText legIdPrefix,
      PushDoc push,
      PullRequestDoc pullRequest,
      List<LocatedText> schedule,
      Boolean workflowDispatch,
      LegDoc defaults,
      List<LegDoc> legs,
      List<MergeDoc> merges) {}

  record PushDoc(
      @Required List<String> branches,
      Boolean tags,
      List<LocatedText> skipWhenEveryFileMatches,
      List<LocatedText> paths) {}

  record PullRequestDoc(@Required List<LocatedText> pathsIgnore) {}

  record MergeDoc(
      @Required LocatedText name,
      @com.fasterxml.jackson.annotation.JsonProperty("tag-suffix") FieldValue tagSuffix,
      @com.fasterxml.jackson.annotation.JsonProperty("tag-latest") FieldValue tagLatest) {}

  record LintDoc(
      List<String> builderBaseImageFor,
      List<String> platformTags,
      List<String> tagLatest,
      LocatedText darwinTagSuffix) {}

  record FileDoc(@Required LocatedText path) {}

  record OsDoc(
      LinkedHashMap<String, PredicateDoc> classes,
      @Required List<PathRuleDoc> paths,
      List<String> bespokeBuilders,
      List<ForkDoc> forks,
      Boolean dockerfileRule) {}

  record PredicateDoc(
      String dockerfileSuffix, List<String> backends, Boolean hasLang, Boolean bespoke) {}

  record PathRuleDoc(
      String dockerfileSuffix,
      List<String> backends,
      Boolean hasLang,
      Boolean bespoke,
      @Required LocatedText path) {}

  record ForkDoc(@Required List<String> backends, @Required List<String> watch) {}

  record SharedDoc(
      @Required LocatedText id,
      String exact,
      List<String> prefixes,
      String excludeSuffix,
      @Required LocatedText linux,
      @Required LocatedText darwin,
      Boolean suppressWhenProtoAdditive) {}

  record LimitsDoc(
      @Required Integer singleArchShards,
      @Required Integer jobLimit,
      @Required Integer compareCap) {}

  record RegistriesDoc(
      @Required LocatedText ciCache,
      @Required List<String> publish,
      @Required LocatedText pullRequest) {}
}
