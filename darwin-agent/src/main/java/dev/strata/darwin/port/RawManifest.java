package dev.strata.darwin.port;

import dev.strata.domain.image.api.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A manifest exactly as stored: its media type and bytes. The digest is that of the bytes.
 *
 * @param mediaType e.g. {@code application/vnd.oci.image.manifest.v1+json}
 * @param bytes the JSON as pushed or read
 */
public record RawManifest(String mediaType, byte[] bytes) {
  /** An OCI image manifest (also used for artifacts). */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  public RawManifest {
    Objects.requireNonNull(mediaType, "mediaType");
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The SHA-256 digest of the bytes. */
  public Digest digest() {
    return sha256(bytes);
  }

  /** The SHA-256 digest of {@code data}. */
  public static Digest sha256(byte[] data) {
    try {
      return Digest.of(
          "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawManifest m
        && mediaType.equals(m.mediaType)
        && java.util.Arrays.equals(bytes, m.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * mediaType.hashCode() + java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "RawManifest[" + mediaType + ", " + digest() + "]";
  }
}
