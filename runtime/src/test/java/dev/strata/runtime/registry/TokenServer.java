package dev.strata.runtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A distribution token server for tests: checks a Basic credential, then issues an RS256 JWT whose
 * {@code x5c} header carries a self-signed certificate the registry trusts ({@code
 * rootcertbundle}), granting the requested scopes. Key and certificate come from {@code openssl}.
 */
final class TokenServer implements AutoCloseable {
  static final String SERVICE = "strata-test";
  static final String ISSUER = "strata-test-issuer";

  private final HttpServer server;
  private final PrivateKey key;
  private final String x5c;
  private final Path certificate;
  final AtomicInteger issued = new AtomicInteger();

  TokenServer(Path dir, String user, String password) throws Exception {
    Path keyFile = dir.resolve("key.pem");
    certificate = dir.resolve("cert.pem");
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=strata-test-token",
                "-keyout",
                keyFile.toString(),
                "-out",
                certificate.toString())
            .redirectErrorStream(true)
            .start();
    byte[] output = openssl.getInputStream().readAllBytes();
    if (openssl.waitFor() != 0) {
      throw new IOException("openssl failed: " + new String(output, StandardCharsets.UTF_8));
    }
    key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(keyFile))));
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(certificate));
    x5c = Base64.getEncoder().encodeToString(cert.getEncoded());
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/token",
        exchange -> {
          try {
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
              byte[] body =
                  "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}"
                      .getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(401, body.length);
              exchange.getResponseBody().write(body);
              return;
            }
            byte[] body = token(scopes(exchange.getRequestURI().getRawQuery()), user);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            issued.incrementAndGet();
          } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  /** The {@code auth:} section of a registry configuration trusting this server. */
  String registryAuthYaml() {
    return "auth:\n  token:\n    realm: http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/token\n    service: "
        + SERVICE
        + "\n    issuer: "
        + ISSUER
        + "\n    rootcertbundle: "
        + certificate
        + "\n";
  }

  private static List<String> scopes(String rawQuery) {
    List<String> scopes = new ArrayList<>();
    if (rawQuery == null) {
      return scopes;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("scope=")) {
        scopes.add(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
      }
    }
    return scopes;
  }

  private byte[] token(List<String> scopes, String user) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode header = json.createObjectNode().put("alg", "RS256").put("typ", "JWT");
    header.putArray("x5c").add(x5c);
    long now = Instant.now().getEpochSecond();
    ObjectNode claims =
        json.createObjectNode()
            .put("iss", ISSUER)
            .put("sub", user)
            .put("aud", SERVICE)
            .put("iat", now)
            .put("nbf", now - 10)
            .put("exp", now + 300)
            .put("jti", UUID.randomUUID().toString());
    ArrayNode access = claims.putArray("access");
    for (String scope : scopes) {
      String[] parts = scope.split(":");
      ObjectNode grant = access.addObject().put("type", parts[0]).put("name", parts[1]);
      ArrayNode actions = grant.putArray("actions");
      for (String action : parts[2].split(",")) {
        actions.add(action);
      }
    }
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString(json.writeValueAsBytes(header))
            + "."
            + b64.encodeToString(json.writeValueAsBytes(claims));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key);
    rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    String jwt = signingInput + "." + b64.encodeToString(rs256.sign());
    return json.writeValueAsBytes(json.createObjectNode().put("token", jwt).put("expires_in", 300));
  }

  private static byte[] pem(String text) {
    String base64 =
        text.replaceAll("-----BEGIN [A-Z ]+-----", "")
            .replaceAll("-----END [A-Z ]+-----", "")
            .replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
