package dev.strata.matrix.adapter.yaml;

import dev.strata.matrix.adapter.yaml.ProfileDocument.OsDoc;
import dev.strata.matrix.adapter.yaml.ProfileDocument.PathRuleDoc;
import dev.strata.matrix.adapter.yaml.ProfileDocument.PredicateDoc;
import dev.strata.matrix.adapter.yaml.ProfileDocument.SharedDoc;
import dev.strata.matrix.core.profile.EntryPredicate;
import dev.strata.matrix.core.profile.ForkRule;
import dev.strata.matrix.core.profile.Limits;
import dev.strata.matrix.core.profile.LintRules;
import dev.strata.matrix.core.profile.OsRules;
import dev.strata.matrix.core.profile.PathRule;
import dev.strata.matrix.core.profile.PathTemplate;
import dev.strata.matrix.core.profile.Profile;
import dev.strata.matrix.core.profile.Registries;
import dev.strata.matrix.core.profile.Selector;
import dev.strata.matrix.core.profile.SharedRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a bound {@link ProfileDocument} into a {@link Profile}, reporting errors at file:line. */
final class ProfileMapper {

  /** A semantic error at a known place in the file. */
  static final class LocatedError extends Exception {
    final int line;
    final int column;

    LocatedError(int line, int column, String message) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  private ProfileMapper() {}

  static Profile toProfile(ProfileDocument doc) throws LocatedError {
    OsRules linux = osRules(doc.linux(), "linux");
    OsRules darwin = osRules(doc.darwin(), "darwin");
    List<SharedRule> shared = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (SharedDoc rule : doc.sharedInputs()) {
      shared.add(sharedRule(rule, linux, darwin));
      if (!ids.add(rule.id().text())) {
        throw at(
            rule.id(), "duplicate shared input id '" + rule.id().text() + "'; ids must be unique");
      }
    }
    return new Profile(
        doc.profile().text(),
        doc.matrix().path().text(),
        doc.proto().path().text(),
        linux,
        darwin,
        shared,
        new Limits(
            doc.limits().singleArchShards(), doc.limits().jobLimit(), doc.limits().compareCap()),
        new Registries(
            doc.registries().ciCache().text(),
            doc.registries().publish(),
            doc.registries().pullRequest().text()),
        lint(doc.lint()),
        PipelineMapper.pipelines(doc.pipelines(), doc.builder()));
  }

  private static LintRules lint(ProfileDocument.LintDoc lint) throws LocatedError {
    if (lint == null) {
      return LintRules.NONE;
    }
    PathTemplate darwinSuffix = null;
    if (lint.darwinTagSuffix() != null) {
      try {
        darwinSuffix = PathTemplate.parse(lint.darwinTagSuffix().text());
      } catch (IllegalArgumentException e) {
        throw at(lint.darwinTagSuffix(), e.getMessage() + " (in lint.darwinTagSuffix)");
      }
    }
    return new LintRules(
        orEmpty(lint.builderBaseImageFor()),
        orEmpty(lint.platformTags()),
        orEmpty(lint.tagLatest()),
        darwinSuffix);
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }

  private static OsRules osRules(OsDoc os, String name) throws LocatedError {
    Map<String, EntryPredicate> classes = new LinkedHashMap<>();
    if (os.classes() != null) {
      for (Map.Entry<String, PredicateDoc> c : os.classes().entrySet()) {
        PredicateDoc p = c.getValue();
        classes.put(
            c.getKey(),
            p == null
                ? EntryPredicate.ANY
                : new EntryPredicate(
                    p.dockerfileSuffix(), set(p.backends()), p.hasLang(), p.bespoke()));
      }
    }
    List<PathRule> paths = new ArrayList<>();
    for (PathRuleDoc r : os.paths()) {
      PathTemplate template;
      try {
        template = PathTemplate.parse(r.path().text());
      } catch (IllegalArgumentException e) {
        throw at(r.path(), e.getMessage() + " (in " + name + ".paths)");
      }
      paths.add(
          new PathRule(
              new EntryPredicate(r.dockerfileSuffix(), set(r.backends()), r.hasLang(), r.bespoke()),
              template));
    }
    List<ForkRule> forks = new ArrayList<>();
    if (os.forks() != null) {
      os.forks().forEach(f -> forks.add(new ForkRule(Set.copyOf(f.backends()), f.watch())));
    }
    return new OsRules(
        classes,
        paths,
        os.bespokeBuilders() == null ? Set.of() : Set.copyOf(os.bespokeBuilders()),
        forks,
        Boolean.TRUE.equals(os.dockerfileRule()));
  }

  private static SharedRule sharedRule(SharedDoc rule, OsRules linux, OsRules darwin)
      throws LocatedError {
    Selector onLinux = selector(rule.linux(), linux, "linux");
    Selector onDarwin = selector(rule.darwin(), darwin, "darwin");
    boolean hasPrefixes = rule.prefixes() != null && !rule.prefixes().isEmpty();
    if ((rule.exact() == null) == !hasPrefixes) {
      throw at(
          rule.id(),
          "shared input '"
              + rule.id().text()
              + "' must have exactly one of 'exact: <path>' or 'prefixes: [<prefix>, ...]'");
    }
    if (rule.exact() != null && rule.excludeSuffix() != null) {
      throw at(
          rule.id(),
          "shared input '"
              + rule.id().text()
              + "' has 'excludeSuffix' with 'exact'; excludeSuffix only applies to 'prefixes'");
    }
    return new SharedRule(
        rule.id().text(),
        rule.exact(),
        hasPrefixes ? rule.prefixes() : List.of(),
        rule.excludeSuffix(),
        onLinux,
        onDarwin,
        Boolean.TRUE.equals(rule.suppressWhenProtoAdditive()));
  }

  private static Selector selector(LocatedText text, OsRules os, String osName)
      throws LocatedError {
    Selector selector;
    try {
      selector = Selector.parse(text.text());
    } catch (IllegalArgumentException e) {
      throw at(text, e.getMessage() + " for " + osName);
    }
    if (!os.accepts(selector)) {
      throw at(
          text,
          "unknown selector '"
              + text.text()
              + "' for "
              + osName
              + "; expected all, none, backend:<name> or a class declared under "
              + osName
              + ".classes "
              + os.classes().keySet());
    }
    return selector;
  }

  private static Set<String> set(List<String> values) {
    return values == null ? null : Set.copyOf(values);
  }

  private static LocatedError at(LocatedText where, String message) {
    return new LocatedError(where.line(), where.column(), message);
  }
}
