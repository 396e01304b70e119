package dev.strata.gateway.adapter.http;

import dev.strata.domain.trigger.api.Repository;
import dev.strata.gateway.adapter.http.GithubPayloads.Translation;
import dev.strata.gateway.core.TriggerAdmission;
import dev.strata.gateway.core.TriggerAdmission.Admission;
import dev.strata.gateway.core.TriggerAdmission.TriggerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/triggers} and {@code POST /v1/webhooks/github}. */
final class TriggerRoutes {
  private final TriggerAdmission admission;
  private final GithubPayloads payloads;
  private final List<String> defaultPipelines;

  TriggerRoutes(
      TriggerAdmission admission, GithubPayloads payloads, List<String> defaultPipelines) {
    this.admission = admission;
    this.payloads = payloads;
    this.defaultPipelines = List.copyOf(defaultPipelines);
  }

  void submit(RoutingContext rc) {
    JsonObject body = rc.body().asJsonObject();
    Repository repo =
        body.getString("repository") == null
            ? null
            : BadRequest.parse("/repository", body.getString("repository"), Repository::parse);
    Translation t =
        payloads.translate(
            body.getString("event"),
            body.getJsonObject("payload"),
            "/payload",
            body.getBoolean("forceAll", false),
            repo);
    admit(rc, body.getString("deliveryId"), t, pipelines(body.getJsonArray("pipelines")));
  }

  void webhook(RoutingContext rc) {
    String event = rc.request().getHeader("X-GitHub-Event");
    String delivery = rc.request().getHeader("X-GitHub-Delivery");
    Translation t = payloads.translate(event, rc.body().asJsonObject(), "", false, null);
    admit(rc, delivery, t, defaultPipelines);
  }

  private void admit(RoutingContext rc, String delivery, Translation t, List<String> pipelines) {
    if (t.trigger() == null) {
      Replies.json(rc, 202, Map.of("status", "ignored", "reason", t.ignored()));
      return;
    }
    Replies.when(
        rc,
        admission.admit(new TriggerRequest(delivery, t.trigger(), pipelines)),
        a -> Replies.json(rc, a.duplicate() ? 200 : 202, body(a)));
  }

  private static Map<String, Object> body(Admission a) {
    return Map.of(
        "status", a.duplicate() ? "duplicate" : "accepted",
        "runId", a.runId().value(),
        "concurrencyGroup", a.concurrencyGroup(),
        "started", a.started(),
        "duplicate", a.duplicate());
  }

  private List<String> pipelines(JsonArray raw) {
    if (raw == null) {
      return defaultPipelines;
    }
    List<String> out = new ArrayList<>();
    raw.forEach(p -> out.add((String) p));
    return out;
  }
}
