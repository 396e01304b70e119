package dev.strata.gateway.core;

import dev.strata.domain.trigger.api.RunId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives run ids from delivery ids. The same delivery always maps to the same run, so a
 * redelivered webhook or a client retry addresses the same {@code BuildRun} aggregate and the event
 * store's uniqueness on (aggregate id, sequence) decides: exactly one run per delivery.
 */
public final class RunIds {
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  // 26 base32 characters carry 130 bits of the SHA-256: collisions are not a concern
  private static final int LENGTH = 26;

  private RunIds() {}

  /** The run id for delivery {@code deliveryId}: lowercase base32 of its SHA-256, 26 characters. */
  public static RunId forDelivery(String deliveryId) {
    byte[] hash = sha256("delivery:" + deliveryId);
    StringBuilder sb = new StringBuilder(LENGTH);
    int buffer = 0;
    int bits = 0;
    for (byte b : hash) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5 && sb.length() < LENGTH) {
        sb.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    return RunId.of(sb.toString());
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
