package dev.strata.domain.image.api;

import dev.strata.domain.Values;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to an image repository, optionally with a tag or a digest: {@code
 * quay.io/go-skynet/ci-cache:cache-cpu-vllm-amd64}, {@code localai/localai-backends@sha256:...}.
 *
 * @param repository the repository name including the registry host when there is one
 * @param tag the tag, or null
 * @param digest the digest, or null
 */
public record ImageRef(String repository, String tag, Digest digest) {
  private static final Pattern REPOSITORY =
      Pattern.compile(
          "(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
              + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

  public ImageRef {
    Values.matching(
        repository, REPOSITORY, "image repository", "[host[:port]/]name[/name...], lowercase");
    if (tag != null) {
      Values.matching(
          tag, TAG, "image tag", "up to 128 of [A-Za-z0-9._-], not starting with . or -");
    }
  }

  /** Parses {@code repo}, {@code repo:tag}, {@code repo@sha256:...} or {@code repo:tag@digest}. */
  public static ImageRef parse(String raw) {
    Values.required(raw, "image reference");
    try {
      String rest = raw;
      Digest digest = null;
      int at = rest.indexOf('@');
      if (at >= 0) {
        digest = new Digest(rest.substring(at + 1));
        rest = rest.substring(0, at);
      }
      String tag = null;
      int slash = rest.lastIndexOf('/');
      int colon = rest.lastIndexOf(':');
      if (colon > slash) {
        tag = rest.substring(colon + 1);
        rest = rest.substring(0, colon);
      }
      return new ImageRef(rest, tag, digest);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid image reference " + Values.quote(raw) + ": " + e.getMessage(), e);
    }
  }

  public static ImageRef of(String repository) {
    return new ImageRef(repository, null, null);
  }

  public ImageRef withTag(String newTag) {
    return new ImageRef(repository, newTag, null);
  }

  public ImageRef withDigest(Digest newDigest) {
    return new ImageRef(repository, null, newDigest);
  }

  public Optional<String> tagValue() {
    return Optional.ofNullable(tag);
  }

  public Optional<Digest> digestValue() {
    return Optional.ofNullable(digest);
  }

  /** The registry host, or {@code docker.io} when the repository names none. */
  public String registry() {
    int slash = repository.indexOf('/');
    if (slash < 0) {
      return "docker.io";
    }
    String first = repository.substring(0, slash);
    return first.contains(".") || first.contains(":") || first.equals("localhost")
        ? first
        : "docker.io";
  }

  /** The repository path inside its registry. */
  public String path() {
    String registry = registry();
    if (repository.startsWith(registry + "/")) {
      return repository.substring(registry.length() + 1);
    }
    return repository.contains("/") ? repository : "library/" + repository;
  }

  @Override
  public String toString() {
    return repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }
}
