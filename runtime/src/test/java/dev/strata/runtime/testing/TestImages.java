package dev.strata.runtime.testing;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.runtime.registry.ManifestMediaTypes;
import dev.strata.runtime.registry.RawManifest;
import dev.strata.runtime.registry.RegistryClient;
import dev.strata.runtime.registry.RegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Tiny but valid single-platform images pushed with the client itself (no Docker engine needed):
 * one gzipped tar layer holding {@code /strata.txt}, a config naming the platform, a manifest.
 */
public final class TestImages {
  private TestImages() {}

  /** What was pushed. */
  public record Pushed(ImageRef repository, RawManifest manifest, Digest config, Digest layer) {
    public Digest digest() {
      return manifest.digest();
    }

    public ImageRef ref() {
      return repository.withDigest(manifest.digest());
    }
  }

  /** Pushes an OCI image for {@code linux/<arch>} whose layer content depends on {@code seed}. */
  public static Pushed push(RegistryClient registry, ImageRef repository, String arch, String seed)
      throws RegistryException {
    return push(registry, repository, arch, seed, ManifestMediaTypes.OCI_MANIFEST);
  }

  /** As {@link #push(RegistryClient, ImageRef, String, String)} with a chosen manifest type. */
  public static Pushed push(
      RegistryClient registry, ImageRef repository, String arch, String seed, String mediaType)
      throws RegistryException {
    boolean oci = ManifestMediaTypes.OCI_MANIFEST.equals(mediaType);
    byte[] tar = tar("strata.txt", (arch + " " + seed + "\n").getBytes(StandardCharsets.UTF_8));
    byte[] layer = gzip(tar);
    Digest layerDigest = RawManifest.sha256(layer);
    Digest diffId = RawManifest.sha256(tar);
    byte[] config =
        ("{\"architecture\":\""
                + arch
                + "\",\"os\":\"linux\",\"config\":{},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + diffId
                + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    Digest configDigest = RawManifest.sha256(config);
    registry.pushBlob(repository, layerDigest, layer);
    registry.pushBlob(repository, configDigest, config);
    String configType =
        oci
            ? "application/vnd.oci.image.config.v1+json"
            : "application/vnd.docker.container.image.v1+json";
    String layerType =
        oci
            ? "application/vnd.oci.image.layer.v1.tar+gzip"
            : "application/vnd.docker.image.rootfs.diff.tar.gzip";
    String json =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + mediaType
            + "\",\"config\":{\"mediaType\":\""
            + configType
            + "\",\"digest\":\""
            + configDigest
            + "\",\"size\":"
            + config.length
            + "},\"layers\":[{\"mediaType\":\""
            + layerType
            + "\",\"digest\":\""
            + layerDigest
            + "\",\"size\":"
            + layer.length
            + "}]}";
    RawManifest manifest = RawManifest.of(mediaType, json);
    registry.pushManifest(repository, manifest);
    return new Pushed(repository, manifest, configDigest, layerDigest);
  }

  /** A ustar archive with one regular file. */
  static byte[] tar(String name, byte[] content) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, "00000000000");
    Arrays.fill(header, 148, 156, (byte) ' ');
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    header[155] = ' ';
    int padded = (content.length + 511) / 512 * 512;
    byte[] out = new byte[512 + padded + 1024];
    System.arraycopy(header, 0, out, 0, 512);
    System.arraycopy(content, 0, out, 512, content.length);
    return out;
  }

  private static void put(byte[] target, int offset, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
