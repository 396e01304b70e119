package dev.strata.runtime.registry;

import dev.strata.domain.image.api.ImageRef;

/** Token scopes as the distribution token protocol spells them. */
final class Scopes {
  private Scopes() {}

  static String pull(ImageRef repository) {
    return "repository:" + repository.path() + ":pull";
  }

  static String push(ImageRef repository) {
    return "repository:" + repository.path() + ":pull,push";
  }

  static String delete(ImageRef repository) {
    return "repository:" + repository.path() + ":delete";
  }
}
