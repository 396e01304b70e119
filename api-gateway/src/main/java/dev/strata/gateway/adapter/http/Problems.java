package dev.strata.gateway.adapter.http;

import dev.strata.domain.run.api.RunRefusedException;
import dev.strata.gateway.core.Commands;
import dev.strata.gateway.core.NotFound;
import dev.strata.gateway.port.CacheEvictions;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: every error becomes an RFC 7807 {@code application/problem+json} body
 * naming the bad field where there is one. Authentication failures say nothing beyond their status;
 * unexpected errors are logged with an incident id and answered without internals.
 */
final class Problems implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  @Override
  public void handle(RoutingContext rc) {
    if (rc.response().headWritten()) {
      rc.response().end();
      return;
    }
    Throwable failure = rc.failure() == null ? null : Commands.cause(rc.failure());
    if (failure instanceof HttpException e && e.getCause() != null) {
      // the OpenAPI router wraps validation failures in a 400 HttpException
      failure = e.getCause();
    }
    int status = rc.statusCode();
    if (failure instanceof SchemaValidationException e) {
      write(rc, 400, "Invalid request", describe(e), invalidParams(e.getOutputUnit()));
    } else if (failure instanceof GithubPayloads.SchemaFailure e) {
      JsonArray params = new JsonArray();
      invalidParams(e.unit)
          .forEach(
              o -> {
                JsonObject param = (JsonObject) o;
                String name = param.getString("name");
                params.add(param.copy().put("name", e.at + (name.equals("/") ? "" : name)));
              });
      JsonObject first = params.getJsonObject(0);
      write(
          rc,
          400,
          "Invalid request",
          e.getMessage() + ": " + first.getString("name") + ": " + first.getString("reason"),
          params);
    } else if (failure instanceof ValidatorException e) {
      write(rc, 400, "Invalid request", e.getMessage(), null);
    } else if (failure instanceof DecodeException) {
      write(rc, 400, "Malformed JSON", "The request body is not valid JSON", null);
    } else if (failure instanceof BadRequest e) {
      JsonArray params = new JsonArray().add(param(e.field(), e.getMessage()));
      write(rc, 400, "Invalid request", e.field() + ": " + e.getMessage(), params);
    } else if (failure instanceof NotFound e) {
      write(rc, 404, "Not found", e.getMessage(), null);
    } else if (failure instanceof AggregateNotFoundException) {
      write(rc, 404, "Not found", "No such run", null);
    } else if (failure instanceof CacheEvictions.EvictionFailed e) {
      switch (e.failure()) {
        case NOT_FOUND -> write(rc, 404, "Not found", e.getMessage(), null);
        case SHARED_DIGEST -> write(rc, 409, "Eviction refused", e.getMessage(), null);
        case REGISTRY -> write(rc, 502, "Registry failed", e.getMessage(), null);
      }
    } else if (failure instanceof RunRefusedException e) {
      write(rc, 409, "Refused by the run", e.getMessage(), null);
    } else if (failure instanceof IllegalArgumentException e) {
      write(rc, 400, "Invalid request", e.getMessage(), null);
    } else if (failure instanceof HttpException e) {
      statusOnly(rc, e.getStatusCode());
    } else if (failure == null && status > 0 && status < 500) {
      statusOnly(rc, status);
    } else {
      String incident = UUID.randomUUID().toString();
      LOG.error(
          "Incident {} on {} {}", incident, rc.request().method(), rc.normalizedPath(), failure);
      write(rc, 500, "Internal error", "Incident " + incident + " was logged", null);
    }
  }

  private static String describe(SchemaValidationException e) {
    OutputUnit unit = e.getOutputUnit();
    String where = pointerOf(unit).replace("#", "");
    String detail = e.getMessage();
    return where.isEmpty() ? detail : detail + " (at " + where + ")";
  }

  private static String pointerOf(OutputUnit unit) {
    if (unit == null) {
      return "";
    }
    if (unit.getErrors() != null) {
      for (OutputUnit inner : unit.getErrors()) {
        if (inner.getInstanceLocation() != null && !inner.getInstanceLocation().isEmpty()) {
          return inner.getInstanceLocation();
        }
      }
    }
    return unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
  }

  static JsonArray invalidParams(OutputUnit unit) {
    JsonArray out = new JsonArray();
    if (unit == null) {
      return out;
    }
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      for (OutputUnit inner : unit.getErrors()) {
        out.add(param(location(inner), inner.getError()));
      }
    } else {
      out.add(param(location(unit), unit.getError()));
    }
    return out;
  }

  private static String location(OutputUnit u) {
    String at = u.getInstanceLocation();
    if (at != null && at.startsWith("#")) {
      at = at.substring(1);
    }
    return at == null || at.isEmpty() ? "/" : at;
  }

  private static JsonObject param(String name, String reason) {
    return new JsonObject().put("name", name).put("reason", reason == null ? "" : reason);
  }

  private static void statusOnly(RoutingContext rc, int status) {
    if (status == 401) {
      rc.response().putHeader("WWW-Authenticate", "Bearer");
    }
    write(rc, status, title(status), null, null);
  }

  private static String title(int status) {
    return switch (status) {
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Request body too large";
      case 415 -> "Unsupported media type";
      case 503 -> "Service unavailable";
      default -> "Request failed";
    };
  }

  static void write(
      RoutingContext rc, int status, String title, String detail, JsonArray invalidParams) {
    JsonObject body =
        new JsonObject().put("type", "about:blank").put("title", title).put("status", status);
    if (detail != null) {
      body.put("detail", detail);
    }
    if (invalidParams != null && !invalidParams.isEmpty()) {
      body.put("invalidParams", invalidParams);
    }
    body.put("instance", rc.request().path());
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/problem+json")
        .end(body.encode());
  }
}
