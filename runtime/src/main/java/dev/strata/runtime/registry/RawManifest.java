package dev.strata.runtime.registry;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A manifest exactly as stored: its media type and bytes. The digest is the SHA-256 of the bytes,
 * so pushing the same bytes anywhere yields the same digest.
 */
public final class RawManifest {
  private final String mediaType;
  private final byte[] bytes;
  private final Digest digest;

  private RawManifest(String mediaType, byte[] bytes) {
    this.mediaType = Values.required(mediaType, "manifest media type");
    this.bytes = Values.required(bytes, "manifest bytes").clone();
    this.digest = sha256(this.bytes);
  }

  public static RawManifest of(String mediaType, byte[] bytes) {
    return new RawManifest(mediaType, bytes);
  }

  public static RawManifest of(String mediaType, String json) {
    return new RawManifest(mediaType, json.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 digest of {@code data}. */
  public static Digest sha256(byte[] data) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(data);
      return new Digest("sha256:" + HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Java runtime without SHA-256", e);
    }
  }

  public String mediaType() {
    return mediaType;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  public Digest digest() {
    return digest;
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawManifest m
        && mediaType.equals(m.mediaType)
        && Arrays.equals(bytes, m.bytes);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return mediaType + " " + digest + " (" + bytes.length + " bytes)";
  }
}
