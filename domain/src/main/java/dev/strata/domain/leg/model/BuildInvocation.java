package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line as a value: the argument vector and the environment variables set on top of the
 * caller's. Rendered by pure functions ({@link BuildxCommands}, {@link EngineCommands}) and
 * executed by an adapter, so the exact flags are unit-tested.
 *
 * @param argv the program and its arguments; never empty
 * @param env extra environment variables, in the order given
 */
public record BuildInvocation(List<String> argv, Map<String, String> env) {
  public BuildInvocation {
    argv = List.copyOf(Values.required(argv, "argv"));
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("Invalid argv []: expected a program, e.g. [\"docker\"]");
    }
    env = Collections.unmodifiableMap(new LinkedHashMap<>(Values.required(env, "env")));
  }

  /** A command without extra environment. */
  public static BuildInvocation of(List<String> argv) {
    return new BuildInvocation(argv, Map.of());
  }

  /** The command as one shell-like line (for logs; arguments with blanks are single-quoted). */
  public String display() {
    StringBuilder sb = new StringBuilder();
    env.forEach((k, v) -> sb.append(k).append('=').append(quoted(v)).append(' '));
    for (int i = 0; i < argv.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(quoted(argv.get(i)));
    }
    return sb.toString();
  }

  private static String quoted(String arg) {
    if (!arg.isEmpty() && arg.chars().noneMatch(c -> c == ' ' || c == '\'' || c == '"')) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
