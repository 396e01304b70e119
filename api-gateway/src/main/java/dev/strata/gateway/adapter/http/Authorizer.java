package dev.strata.gateway.adapter.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import io.vertx.openapi.contract.Operation;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authentication by role. Each operation of the OpenAPI document lists the roles allowed to call it
 * in {@code x-strata-roles}: bearer tokens map to roles {@code ci}, {@code agent} and {@code
 * admin}; the {@code github} role means a webhook signed with HMAC-SHA256 in {@code
 * X-Hub-Signature-256}. Tokens are compared as SHA-256 hashes with {@link MessageDigest#isEqual},
 * all of them every time; failures answer 401 or 403 and nothing else. Tokens never reach a log.
 */
final class Authorizer {
  static final String GITHUB_ROLE = "github";

  private record Credential(byte[] hash, String role) {}

  private final List<Credential> credentials = new ArrayList<>();
  private final byte[] webhookSecret;

  /**
   * @param tokensByRole bearer tokens per role
   * @param webhookSecret the GitHub webhook secret, or null to refuse every webhook
   */
  Authorizer(Map<String, List<String>> tokensByRole, String webhookSecret) {
    tokensByRole.forEach(
        (role, tokens) -> tokens.forEach(t -> credentials.add(new Credential(sha256(t), role))));
    this.webhookSecret =
        webhookSecret == null || webhookSecret.isEmpty()
            ? null
            : webhookSecret.getBytes(StandardCharsets.UTF_8);
  }

  /** Checks bearer tokens before the body is read; webhooks are checked after, by {@link #hmac}. */
  SecurityPolicyHandler bearer() {
    return rc -> {
      List<String> roles = roles(rc);
      if (roles.isEmpty() || roles.contains(GITHUB_ROLE)) {
        rc.next();
        return;
      }
      String header = rc.request().getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        rc.fail(401);
        return;
      }
      Set<String> granted = rolesOf(header.substring(7).trim());
      if (granted.isEmpty()) {
        rc.fail(401);
      } else if (roles.stream().noneMatch(granted::contains)) {
        rc.fail(403);
      } else {
        rc.next();
      }
    };
  }

  /** Verifies the webhook signature over the raw body (constant-time). */
  Handler<RoutingContext> hmac() {
    return rc -> {
      if (!roles(rc).contains(GITHUB_ROLE)) {
        rc.next();
        return;
      }
      String signature = rc.request().getHeader("X-Hub-Signature-256");
      if (webhookSecret == null || signature == null || rc.body().buffer() == null) {
        rc.fail(401);
        return;
      }
      byte[] expected =
          ("sha256=" + HexFormat.of().formatHex(hmacSha256(rc.body().buffer().getBytes())))
              .getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
        rc.next();
      } else {
        rc.fail(401);
      }
    };
  }

  private Set<String> rolesOf(String token) {
    byte[] hash = sha256(token);
    Set<String> roles = new HashSet<>();
    for (Credential c : credentials) {
      if (MessageDigest.isEqual(hash, c.hash())) {
        roles.add(c.role());
      }
    }
    return roles;
  }

  private static List<String> roles(RoutingContext rc) {
    Operation op = rc.get(HttpMetrics.OPERATION);
    if (op == null) {
      return List.of();
    }
    Object raw = op.getOpenAPIModel().getValue("x-strata-roles");
    if (!(raw instanceof JsonArray array)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    array.forEach(r -> out.add(String.valueOf(r)));
    return out;
  }

  private byte[] hmacSha256(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(webhookSecret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
