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
    // the darwin-agent's section (its own loader validates it); the change filter ignores it
    com.fasterxml.jackson.databind.JsonNode darwinAgent) {

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
