package dev.strata.matrix.core.profile;

import dev.strata.domain.matrix.api.MatrixEntry;
import java.util.Set;

/**
 * A test on one matrix entry, declared in a profile. Every condition that is set must hold; an
 * empty predicate matches every entry.
 *
 * @param dockerfileSuffix the entry's {@code dockerfile} string ends with this, or null
 * @param backends the entry's {@code backend} is one of these, or null
 * @param hasLang the entry has a truthy {@code lang} (true) or has none (false), or null
 * @param bespoke the entry's backend is (true) or is not (false) one of the OS's bespoke builders,
 *     or null
 */
public record EntryPredicate(
    String dockerfileSuffix, Set<String> backends, Boolean hasLang, Boolean bespoke) {

  /** The predicate that matches every entry. */
  public static final EntryPredicate ANY = new EntryPredicate(null, null, null, null);

  public EntryPredicate {
    backends = backends == null ? null : Set.copyOf(backends);
  }

  /** Whether {@code entry} satisfies every condition; {@code bespokeBuilders} is the OS's set. */
  public boolean test(MatrixEntry entry, Set<String> bespokeBuilders) {
    if (dockerfileSuffix != null && !entry.string("dockerfile").endsWith(dockerfileSuffix)) {
      return false;
    }
    String backend = entry.string("backend");
    if (backends != null && !backends.contains(backend)) {
      return false;
    }
    if (hasLang != null && entry.has("lang") != hasLang) {
      return false;
    }
    return bespoke == null || bespokeBuilders.contains(backend) == bespoke;
  }
}
