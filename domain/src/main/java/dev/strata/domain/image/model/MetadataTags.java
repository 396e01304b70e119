package dev.strata.domain.image.model;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * docker/metadata-action's tag computation as LocalAI configures it (DOMAIN.md 5.1): rules run by
 * descending priority; the first value produced is the main version, later distinct values are
 * partials; the first rule that produces a value decides {@code latest}; every value is sanitised
 * ({@code [^a-zA-Z0-9._-]+} becomes {@code -}). Tags are listed per image, images in the given
 * order (quay first), each as main, partials, then {@code latest<sfx>}.
 *
 * @param images the image repositories, in output order
 * @param rules the tag rules (any order: they are sorted by priority, stably)
 * @param latest the {@code latest=} flavor
 * @param suffix the flavor suffix, appended to every value without a rule suffix
 * @param suffixOnLatest {@code onlatest=true}: the flavor suffix is appended to {@code latest}
 */
public record MetadataTags(
    List<ImageRef> images,
    List<TagRule> rules,
    LatestMode latest,
    String suffix,
    boolean suffixOnLatest) {
  private static final Pattern UNSAFE = Pattern.compile("[^a-zA-Z0-9._-]+");

  public MetadataTags {
    images = List.copyOf(Values.required(images, "images"));
    for (ImageRef image : images) {
      ImageNaming.requireRepository(image, "image");
    }
    rules =
        Values.required(rules, "tag rules").stream()
            .sorted(Comparator.comparingInt(TagRule::priority).reversed())
            .toList();
    Values.required(latest, "latest flavor");
    Values.required(suffix, "flavor suffix");
  }

  /**
   * LocalAI's backend config: {@code type=ref,event=branch}, {@code type=semver,pattern={{raw}}},
   * {@code type=sha}, flavor {@code latest=<tag-latest>} and {@code suffix=<sfx>,onlatest=true}.
   */
  public static MetadataTags backend(List<ImageRef> images, LatestMode latest, TagSuffix sfx) {
    Values.required(sfx, "tag-suffix");
    return new MetadataTags(
        images,
        List.of(TagRule.branch(), TagRule.semverRaw(), TagRule.sha()),
        latest,
        sfx.value(),
        true);
  }

  /** The root image's config (5.1): the backend rules plus the default-branch stamp. */
  public static MetadataTags rootImage(List<ImageRef> images, LatestMode latest, TagSuffix sfx) {
    Values.required(sfx, "tag-suffix");
    return new MetadataTags(
        images,
        List.of(TagRule.branch(), TagRule.semverRaw(), TagRule.defaultBranchStamp(), TagRule.sha()),
        latest,
        sfx.value(),
        true);
  }

  /**
   * The computed version.
   *
   * @param main the main tag, or null when no rule produced a value (then there are no tags)
   * @param partials further distinct tags, in rule order
   * @param latest whether {@code latest} is added
   */
  public record Version(String main, List<String> partials, boolean latest) {
    public Version {
      partials = List.copyOf(partials);
    }
  }

  /** Runs the rules against {@code ctx}. */
  public Version version(TagContext ctx) {
    Values.required(ctx, "tag context");
    String main = null;
    LinkedHashSet<String> partials = new LinkedHashSet<>();
    Boolean isLatest = null;
    for (TagRule rule : rules) {
      Produced p = produce(rule, ctx);
      if (p == null || p.value.isEmpty()) {
        continue;
      }
      String value = sanitize(p.value);
      if (main == null) {
        main = value;
      } else if (!value.equals(main)) {
        partials.add(value);
      }
      if (isLatest == null) {
        isLatest =
            switch (latest) {
              case AUTO -> p.latestUnderAuto;
              case TRUE -> true;
              case FALSE -> false;
            };
      }
    }
    return new Version(main, new ArrayList<>(partials), isLatest != null && isLatest);
  }

  /** The full tag list: per image main, partials, then latest. Empty without a main version. */
  public List<ImageRef> tags(TagContext ctx) {
    Version v = version(ctx);
    List<ImageRef> out = new ArrayList<>();
    if (v.main() == null) {
      return out;
    }
    for (ImageRef image : images) {
      out.add(image.withTag(v.main()));
      for (String partial : v.partials()) {
        out.add(image.withTag(partial));
      }
      if (v.latest()) {
        out.add(image.withTag(sanitize("latest" + (suffixOnLatest ? suffix : ""))));
      }
    }
    return out;
  }

  /** metadata-action's tag sanitising: runs of {@code [^a-zA-Z0-9._-]} become one {@code -}. */
  public static String sanitize(String tag) {
    return UNSAFE.matcher(Values.required(tag, "tag")).replaceAll("-");
  }

  private record Produced(String value, boolean latestUnderAuto) {}

  private Produced produce(TagRule rule, TagContext ctx) {
    if (rule instanceof TagRule.Branch) {
      return ctx.branch() == null ? null : new Produced(withSuffix(ctx.branch(), rule), false);
    }
    if (rule instanceof TagRule.SemverRaw) {
      return semver(ctx, rule);
    }
    if (rule instanceof TagRule.Sha) {
      return ctx.sha() == null
          ? null
          : new Produced(withSuffix("sha-" + ctx.sha().short7(), rule), false);
    }
    return stamp(ctx, rule);
  }

  private Produced semver(TagContext ctx, TagRule rule) {
    if (ctx.tag() == null) {
      return null;
    }
    String raw = ctx.tag().replace('/', '-');
    return SemVer.parse(raw)
        .map(v -> new Produced(withSuffix(v.raw(), rule), !v.isPrerelease()))
        .orElse(null);
  }

  private Produced stamp(TagContext ctx, TagRule rule) {
    requireStamp(ctx);
    boolean onDefault =
        ctx.kind() == TriggerKind.SCHEDULE
            || (ctx.branch() != null && ctx.branch().equals(ctx.defaultBranch()));
    if (!onDefault) {
      return null;
    }
    String branch = ctx.branch() == null ? "" : ctx.branch();
    String sha7 = ctx.sha() == null ? "" : ctx.sha().short7();
    return new Produced(withSuffix(branch + "-" + ctx.epochSeconds() + "-" + sha7, rule), false);
  }

  private static TagContext requireStamp(TagContext ctx) {
    if (ctx.defaultBranch() == null || ctx.epochSeconds() == null) {
      throw new IllegalArgumentException(
          "Tried to compute the default-branch stamp tag for "
              + Values.quote(ctx.ref())
              + " but failed because: the default branch and the merge time were not given"
              + " (use TagContext.withStamp)");
    }
    return ctx;
  }

  private String withSuffix(String value, TagRule rule) {
    return value + (rule.suffix() != null ? rule.suffix() : suffix);
  }
}
