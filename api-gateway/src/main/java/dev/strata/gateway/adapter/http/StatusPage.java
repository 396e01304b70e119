package dev.strata.gateway.adapter.http;

import dev.strata.domain.trigger.api.RunId;
import dev.strata.gateway.core.RunBoard;
import dev.strata.gateway.core.RunViews.LegView;
import dev.strata.gateway.core.RunViews.MergeView;
import dev.strata.gateway.core.RunViews.RunSummary;
import dev.strata.gateway.core.RunViews.RunView;
import java.util.List;

/**
 * The status page at {@code GET /}: server-rendered HTML (no scripts or styles from elsewhere)
 * listing recent runs and, for the newest ones, their legs and merges. A few lines of inline script
 * re-fetch the content whenever the live event stream ({@code /status/stream}) reports a change.
 */
final class StatusPage {
  private static final int RUNS = 50;
  private static final int DETAILED = 8;

  private final RunBoard board;

  StatusPage(RunBoard board) {
    this.board = board;
  }

  String page() {
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Strata runs</title>
        <style>
        body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330;background:#f7f8fa}
        h1{font-size:22px;margin:0 0 4px} h2{font-size:16px;margin:22px 0 6px}
        .sub{color:#5b6474;margin-bottom:16px}
        table{border-collapse:collapse;background:#fff;width:100%;margin-bottom:8px}
        th,td{border:1px solid #dde1e8;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#eef1f5;font-weight:600} code{font-size:12px}
        .PENDING{color:#8a6d00}.RUNNING,.CLAIMED{color:#0b5cad}.SUCCEEDED,.BUILT,.MERGED{color:#17803d}
        .FAILED,.DEFERRED{color:#b42318}.CANCELLED{color:#6b7280}.WAITING,.OPEN{color:#5b6474}
        .state{font-weight:600}
        </style></head><body>
        <h1>Strata</h1><div class="sub">Runs and legs, live from the event log</div>
        <div id="content">"""
        + content()
        + """
        </div>
        <script>
        (function(){var t=null,n=0;function reload(){t=null;fetch('/?fragment=1').then(function(r){
        return r.text();}).then(function(h){var c=document.getElementById('content');c.innerHTML=h;
        c.setAttribute('data-refreshed',String(++n));});}
        function later(){if(!t){t=setTimeout(reload,300);}}
        var es=new EventSource('/status/stream');es.onmessage=later;es.addEventListener('run',later);
        es.onopen=function(){document.body.setAttribute('data-stream','open');};})();
        </script></body></html>
        """;
  }

  String content() {
    List<RunSummary> runs = board.list(null, null, RUNS);
    StringBuilder sb = new StringBuilder();
    sb.append("<h2>Recent runs (").append(runs.size()).append(")</h2>");
    sb.append(
        "<table><tr><th>Run</th><th>State</th><th>Trigger</th><th>Ref</th><th>Commit</th>"
            + "<th>Concurrency group</th><th>Legs built/failed/total</th><th>Received</th></tr>");
    for (RunSummary r : runs) {
      sb.append("<tr><td><code>")
          .append(esc(r.runId()))
          .append("</code></td><td class=\"state ")
          .append(r.state())
          .append("\">")
          .append(r.state())
          .append(
              r.cancelReason() == null ? "" : "<br><small>" + esc(r.cancelReason()) + "</small>")
          .append("</td><td>")
          .append(esc(r.kind()))
          .append(r.prNumber() == null ? "" : " #" + r.prNumber())
          .append("</td><td>")
          .append(esc(r.ref()))
          .append("</td><td><code>")
          .append(esc(r.sha() == null ? "" : r.sha().substring(0, 7)))
          .append("</code></td><td>")
          .append(esc(r.concurrencyGroup()))
          .append("</td><td>")
          .append(r.legsBuilt())
          .append(" / ")
          .append(r.legsFailed())
          .append(" / ")
          .append(r.legs())
          .append("</td><td>")
          .append(r.receivedAt())
          .append("</td></tr>");
    }
    sb.append("</table>");
    for (RunSummary r : runs.subList(0, Math.min(DETAILED, runs.size()))) {
      board.view(RunId.of(r.runId())).ifPresent(v -> details(sb, v));
    }
    return sb.toString();
  }

  private static void details(StringBuilder sb, RunView v) {
    sb.append("<h2>Run <code>")
        .append(esc(v.runId()))
        .append("</code> <span class=\"state ")
        .append(v.state())
        .append("\">")
        .append(v.state())
        .append("</span></h2>");
    if (v.legs().isEmpty()) {
      sb.append("<div class=\"sub\">No legs planned yet</div>");
    } else {
      sb.append(
          "<table><tr><th>Leg</th><th>Runner</th><th>State</th><th>Agent</th><th>Digest</th>"
              + "<th>Steps cached/executed</th><th>Note</th></tr>");
      for (LegView l : v.legs()) {
        sb.append("<tr><td><code>")
            .append(esc(l.legId()))
            .append("</code></td><td>")
            .append(esc(l.runnerClass()))
            .append("</td><td class=\"state ")
            .append(l.state())
            .append("\">")
            .append(l.state())
            .append("</td><td>")
            .append(esc(l.holder()))
            .append("</td><td><code>")
            .append(
                esc(
                    l.digest() == null
                        ? (l.verified() ? "verified" : "")
                        : l.digest().substring(0, 19)))
            .append("</code></td><td>")
            .append(l.cachedSteps())
            .append(" / ")
            .append(l.executedSteps())
            .append("</td><td>")
            .append(esc(l.failure()))
            .append("</td></tr>");
      }
      sb.append("</table>");
    }
    if (!v.merges().isEmpty()) {
      sb.append("<table><tr><th>Merge group</th><th>Result</th><th>Tags or reason</th></tr>");
      for (MergeView m : v.merges()) {
        sb.append("<tr><td><code>")
            .append(esc(m.tagSuffix()))
            .append("</code></td><td class=\"state ")
            .append(m.status())
            .append("\">")
            .append(m.status())
            .append("</td><td>")
            .append(esc(m.deferReason() != null ? m.deferReason() : String.join(", ", m.tags())))
            .append("</td></tr>");
      }
      sb.append("</table>");
    }
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
