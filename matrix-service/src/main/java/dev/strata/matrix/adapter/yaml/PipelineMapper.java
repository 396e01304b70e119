package dev.strata.matrix.adapter.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.api.PlatformTag;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.matrix.adapter.yaml.ProfileDocument.MergeDoc;
import dev.strata.matrix.adapter.yaml.ProfileDocument.PipelineDoc;
import dev.strata.matrix.adapter.yaml.ProfileMapper.LocatedError;
import dev.strata.matrix.core.pipeline.FixedLeg;
import dev.strata.matrix.core.pipeline.FixedMerge;
import dev.strata.matrix.core.pipeline.FixedPipeline;
import dev.strata.matrix.core.pipeline.PathPattern;
import dev.strata.matrix.core.pipeline.Pipelines;
import dev.strata.matrix.core.pipeline.TriggerRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the profile's {@code pipelines} section into {@link Pipelines}, errors at file:line. */
final class PipelineMapper {
  static final String BACKEND_MATRIX = "backend-matrix";
  static final String FIXED_LEGS = "fixed-legs";
  static final String BUILDER_BASES = "builder-bases";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private PipelineMapper() {}

  static Pipelines pipelines(Map<String, PipelineDoc> docs, JsonNode builder) throws LocatedError {
    if (docs == null) {
      return Pipelines.backendOnly();
    }
    String backend = null;
    LocatedText first = null;
    List<FixedPipeline> fixed = new ArrayList<>();
    for (Map.Entry<String, PipelineDoc> e : docs.entrySet()) {
      String name = e.getKey();
      PipelineDoc doc = e.getValue();
      if (doc == null) {
        throw new IllegalArgumentException(
            "pipeline '" + name + "' has no value; write " + name + ": {kind: fixed-legs, ...}");
      }
      LocatedText kind = doc.kind();
      first = first == null ? kind : first;
      if (!NAME.matcher(name).matches()) {
        throw at(kind, "pipeline name '" + name + "' must be lowercase letters, digits and '-'");
      }
      switch (kind.text()) {
        case BACKEND_MATRIX -> {
          if (backend != null) {
            throw at(kind, "a second backend-matrix pipeline ('" + backend + "' is the first)");
          }
          if (doc.legs() != null || doc.push() != null || doc.pullRequest() != null) {
            throw at(
                kind,
                "pipeline '"
                    + name
                    + "' is the backend matrix; its rules are the profile's top-level keys,"
                    + " write only kind: backend-matrix");
          }
          backend = name;
        }
        case FIXED_LEGS -> fixed.add(fixedLegs(name, doc));
        case BUILDER_BASES -> fixed.add(builderBases(name, doc, builder));
        default ->
            throw at(
                kind,
                "unknown pipeline kind '"
                    + kind.text()
                    + "'; expected backend-matrix, fixed-legs or builder-bases");
      }
    }
    if (backend == null) {
      if (first == null) {
        throw new IllegalArgumentException(
            "'pipelines' is empty; write pipelines: {backend: {kind: backend-matrix}}");
      }
      throw at(first, "no pipeline has kind backend-matrix; add backend: {kind: backend-matrix}");
    }
    return Pipelines.of(backend, fixed, new ArrayList<>(docs.keySet()));
  }

  private static TriggerRules rules(String name, PipelineDoc doc) throws LocatedError {
    TriggerRules.Push push = null;
    if (doc.push() != null) {
      ProfileDocument.PushDoc p = doc.push();
      push =
          new TriggerRules.Push(
              p.branches(),
              Boolean.TRUE.equals(p.tags()),
              patterns(p.skipWhenEveryFileMatches()),
              patterns(p.paths()));
    }
    TriggerRules.PullRequest pr =
        doc.pullRequest() == null
            ? null
            : new TriggerRules.PullRequest(patterns(doc.pullRequest().pathsIgnore()));
    List<String> crons = new ArrayList<>();
    if (doc.schedule() != null) {
      doc.schedule().forEach(c -> crons.add(c.text()));
    }
    boolean dispatch = Boolean.TRUE.equals(doc.workflowDispatch());
    if (push == null && pr == null && crons.isEmpty() && !dispatch) {
      throw at(
          doc.kind(),
          "pipeline '"
              + name
              + "' declares no trigger; write push:, pullRequest:, schedule: or"
              + " workflowDispatch: true");
    }
    return new TriggerRules(push, pr, crons, dispatch);
  }

  private static List<PathPattern> patterns(List<LocatedText> raw) throws LocatedError {
    List<PathPattern> patterns = new ArrayList<>();
    if (raw != null) {
      for (LocatedText t : raw) {
        try {
          patterns.add(PathPattern.parse(t.text()));
        } catch (IllegalArgumentException e) {
          throw at(t, e.getMessage());
        }
      }
    }
    return patterns;
  }

  private static FixedPipeline fixedLegs(String name, PipelineDoc doc) throws LocatedError {
    TriggerRules rules = rules(name, doc);
    if (doc.legs() == null || doc.legs().isEmpty()) {
      throw at(doc.kind(), "pipeline '" + name + "' of kind fixed-legs needs legs: [{...}, ...]");
    }
    if (doc.defaults() != null && !doc.defaults().pullRequest().isEmpty()) {
      throw new LocatedError(
          doc.defaults().line(),
          doc.defaults().column(),
          "'defaults' cannot have pullRequest; put pullRequest on the legs it changes");
    }
    String prefix = doc.legIdPrefix() == null ? name + ":" : doc.legIdPrefix().text();
    List<FixedLeg> legs = new ArrayList<>();
    Set<LegId> ids = new HashSet<>();
    for (LegDoc leg : doc.legs()) {
      FixedLeg fixed = leg(prefix, doc.defaults(), leg);
      if (!ids.add(fixed.id())) {
        throw new LocatedError(
            leg.line(),
            leg.column(),
            "duplicate leg " + fixed.id() + " in pipeline '" + name + "'");
      }
      legs.add(fixed);
    }
    return new FixedPipeline(name, FIXED_LEGS, rules, legs, merges(name, doc, legs));
  }

  private static FixedLeg leg(String prefix, LegDoc defaults, LegDoc leg) throws LocatedError {
    Map<String, FieldValue> all = new LinkedHashMap<>();
    if (defaults != null) {
      all.putAll(defaults.fields());
    }
    all.putAll(leg.fields());
    String runsOn = required(leg, all, "runs-on", "runs-on: ubuntu-latest");
    String sfx = required(leg, all, "tag-suffix", "tag-suffix: -gpu-vulkan (or \"\")");
    FieldValue pt = all.get("platform-tag");
    try {
      LegKey key =
          new LegKey(
              TagSuffix.of(sfx), PlatformTag.parse(pt == null ? null : pt.value().asString()));
      return new FixedLeg(
          LegId.of(prefix + key),
          RunnerClass.of(runsOn),
          key.tagSuffix(),
          scalars(all),
          scalars(leg.pullRequest()));
    } catch (IllegalArgumentException e) {
      throw new LocatedError(leg.line(), leg.column(), e.getMessage());
    }
  }

  private static String required(LegDoc leg, Map<String, FieldValue> fields, String key, String eg)
      throws LocatedError {
    FieldValue v = fields.get(key);
    if (v == null || v.value().kind() != Scalar.Kind.STRING) {
      throw new LocatedError(
          v == null ? leg.line() : v.line(),
          v == null ? leg.column() : v.column(),
          (v == null ? "leg has no '" + key + "'" : "'" + key + "' must be a string")
              + "; write "
              + eg);
    }
    return v.value().text();
  }

  private static List<FixedMerge> merges(String name, PipelineDoc doc, List<FixedLeg> legs)
      throws LocatedError {
    List<FixedMerge> merges = new ArrayList<>();
    if (doc.merges() == null) {
      return merges;
    }
    Set<TagSuffix> declared = new HashSet<>();
    for (MergeDoc m : doc.merges()) {
      if (m.tagSuffix() == null || m.tagSuffix().value().kind() != Scalar.Kind.STRING) {
        throw at(m.name(), "merge '" + m.name().text() + "' needs tag-suffix: \"<suffix>\"");
      }
      String latest = m.tagLatest() == null ? null : m.tagLatest().value().asString();
      if (latest == null || latest.isEmpty()) {
        throw at(m.name(), "merge '" + m.name().text() + "' needs tag-latest: auto|true|false");
      }
      TagSuffix sfx;
      try {
        sfx = TagSuffix.of(m.tagSuffix().value().text());
      } catch (IllegalArgumentException e) {
        throw new LocatedError(m.tagSuffix().line(), m.tagSuffix().column(), e.getMessage());
      }
      if (!declared.add(sfx)) {
        throw at(m.name(), "a second merge of tag-suffix '" + sfx + "' in pipeline '" + name + "'");
      }
      if (legs.stream().noneMatch(l -> l.mergeGroup().equals(sfx))) {
        throw at(
            m.name(), "merge '" + m.name().text() + "' has no leg with tag-suffix '" + sfx + "'");
      }
      merges.add(new FixedMerge(m.name().text(), sfx, latest));
    }
    for (int i = 0; i < legs.size(); i++) {
      FixedLeg leg = legs.get(i);
      if (!declared.contains(leg.mergeGroup())) {
        LegDoc at = doc.legs().get(i);
        throw new LocatedError(
            at.line(),
            at.column(),
            "leg "
                + leg.id()
                + " has tag-suffix '"
                + leg.mergeGroup()
                + "' but no merge declares it; add {name: ..., tag-suffix: \""
                + leg.mergeGroup()
                + "\", tag-latest: auto} to merges");
      }
    }
    return merges;
  }

  private static Map<String, Scalar> scalars(Map<String, FieldValue> fields) {
    Map<String, Scalar> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  private static FixedPipeline builderBases(String name, PipelineDoc doc, JsonNode builder)
      throws LocatedError {
    TriggerRules rules = rules(name, doc);
    if (doc.legs() != null || doc.defaults() != null || doc.merges() != null) {
      throw at(
          doc.kind(),
          "pipeline '"
              + name
              + "' of kind builder-bases takes its legs from builder.bases.variants;"
              + " remove legs, defaults and merges");
    }
    JsonNode bases = builder == null ? null : builder.get("bases");
    JsonNode variants = bases == null ? null : bases.get("variants");
    if (variants == null || !variants.isArray() || variants.isEmpty()) {
      throw at(
          doc.kind(),
          "pipeline '"
              + name
              + "' of kind builder-bases reads builder.bases.variants, which the profile does"
              + " not have; write builder: {bases: {dockerfile: ..., variants: [{tag: ...}]}}");
    }
    String prefix = doc.legIdPrefix() == null ? name + ":" : doc.legIdPrefix().text();
    List<FixedLeg> legs = new ArrayList<>();
    Set<LegId> ids = new HashSet<>();
    for (int i = 0; i < variants.size(); i++) {
      FixedLeg leg = BaseVariantLegs.leg(prefix, bases, variants.get(i), i);
      if (!ids.add(leg.id())) {
        throw new IllegalArgumentException(
            "builder.bases.variants[" + i + "]: a second variant with tag " + leg.id());
      }
      legs.add(leg);
    }
    return new FixedPipeline(name, BUILDER_BASES, rules, legs, List.of());
  }

  private static LocatedError at(LocatedText where, String message) {
    return new LocatedError(where.line(), where.column(), message);
  }
}
