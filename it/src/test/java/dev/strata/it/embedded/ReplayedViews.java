package dev.strata.it.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares a live gateway's run views with those of a gateway that rebuilt them from the log. */
final class ReplayedViews {
  private ReplayedViews() {}

  /** Where the two gateways' views differ (live first), or null when they are equal. */
  static String difference(GatewayApi live, GatewayApi fresh, List<String> runs) {
    try {
      for (String run : runs) {
        JsonNode a = fromEvents(live.run(run));
        JsonNode b = fromEvents(fresh.run(run));
        if (!a.equals(b)) {
          return "run " + run + "\n live:  " + a + "\n fresh: " + b;
        }
      }
      JsonNode a = live.get("/v1/runs");
      JsonNode b = fresh.get("/v1/runs");
      return a.equals(b) ? null : "run list\n live:  " + a + "\n fresh: " + b;
    } catch (Exception | AssertionError e) {
      return e.toString();
    }
  }

  static Map<String, JsonNode> views(GatewayApi api, List<String> runs) throws Exception {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String run : runs) {
      out.put(run, fromEvents(api.run(run)));
    }
    return out;
  }

  /**
   * A run view without what the log does not hold: the progress lines agents stream while a leg
   * builds are kept by the live gateway only ({@code RunBoard.addLogLines}), not recorded as
   * events, so a replay cannot show them (a failed leg's last lines are in its LegFailed event, but
   * no leg fails here); and the view's {@code version} counts every change of the view, those
   * progress batches included, where a replayed view counts events.
   */
  static JsonNode fromEvents(JsonNode view) {
    ObjectNode copy = view.deepCopy();
    copy.remove("version");
    copy.path("legs").forEach(l -> ((ObjectNode) l).remove("lastLogLines"));
    return copy;
  }
}
