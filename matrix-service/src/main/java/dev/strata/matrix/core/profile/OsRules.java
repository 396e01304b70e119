package dev.strata.matrix.core.profile;

import dev.strata.domain.Values;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules for one OS's entry list.
 *
 * @param classes named entry classes that shared-input selectors refer to, in declaration order
 * @param paths path inference, first match wins; no match means the entry is never selected in
 *     filtered mode
 * @param bespokeBuilders backends with a builder of their own (the {@code bespoke} predicate)
 * @param forks fork dependencies
 * @param dockerfileRule whether an entry whose dockerfile changed is selected (3.5)
 */
public record OsRules(
    Map<String, EntryPredicate> classes,
    List<PathRule> paths,
    Set<String> bespokeBuilders,
    List<ForkRule> forks,
    boolean dockerfileRule) {

  public OsRules {
    classes =
        Collections.unmodifiableMap(new LinkedHashMap<>(Values.required(classes, "entry classes")));
    paths = List.copyOf(Values.required(paths, "path rules"));
    bespokeBuilders = Set.copyOf(Values.required(bespokeBuilders, "bespoke builders"));
    forks = List.copyOf(Values.required(forks, "fork rules"));
  }

  /** Whether {@code selector} can be evaluated against this OS (its class is declared). */
  public boolean accepts(Selector selector) {
    return !(selector instanceof Selector.OfClass c) || classes.containsKey(c.name());
  }
}
