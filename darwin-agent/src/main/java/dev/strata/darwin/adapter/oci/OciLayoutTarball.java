package dev.strata.darwin.adapter.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.darwin.port.ImagePackager;
import dev.strata.darwin.port.RawManifest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * OCI image tarballs: an OCI image layout ({@code oci-layout}, {@code index.json}, {@code
 * blobs/sha256/...}) in one tar, as {@code local-ai util create-oci-image} writes them (DOMAIN.md
 * 8.5). Packing makes one gzip layer of a directory, a config for the platform and a manifest,
 * reproducibly (fixed times, sorted entries). Checking verifies every blob against its name and
 * that the index names one image whose blobs are present.
 */
public final class OciLayoutTarball implements ImagePackager {
  static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
  static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
  static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final FileTime EPOCH = FileTime.from(Instant.EPOCH);
  private static final long SMALL = 4 << 20;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public void pack(Path dir, Path tarball, String imageName, String platform) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("Tried to package " + dir + " but failed because: it is no directory");
    }
    String[] osArch = platform.split("/", 2);
    Path layer = Files.createTempFile(tarball.getParent(), "layer", ".tgz");
    try {
      MessageDigest diff = sha256();
      MessageDigest gz = sha256();
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(layer));
          DigestOutputStream gzDigest = new DigestOutputStream(file, gz);
          GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(gzDigest);
          DigestOutputStream diffDigest = new DigestOutputStream(gzip, diff);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(diffDigest)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        addTree(tar, dir);
      }
      String layerDigest = "sha256:" + hex(gz);
      ObjectNode config = json.createObjectNode();
      config.put("architecture", osArch.length > 1 ? osArch[1] : "");
      config.put("os", osArch[0]);
      config.putObject("config");
      ObjectNode rootfs = config.putObject("rootfs");
      rootfs.put("type", "layers");
      rootfs.putArray("diff_ids").add("sha256:" + hex(diff));
      byte[] configBytes = json.writeValueAsBytes(config);
      ObjectNode manifest = json.createObjectNode();
      manifest.put("schemaVersion", 2);
      manifest.put("mediaType", RawManifest.OCI_MANIFEST);
      descriptor(manifest.putObject("config"), CONFIG_TYPE, configBytes);
      ObjectNode layerDesc = manifest.putArray("layers").addObject();
      layerDesc.put("mediaType", LAYER_TYPE);
      layerDesc.put("digest", layerDigest);
      layerDesc.put("size", Files.size(layer));
      byte[] manifestBytes = json.writeValueAsBytes(manifest);
      ObjectNode index = json.createObjectNode();
      index.put("schemaVersion", 2);
      index.put("mediaType", INDEX_TYPE);
      ObjectNode entry = index.putArray("manifests").addObject();
      descriptor(entry, RawManifest.OCI_MANIFEST, manifestBytes);
      entry.putObject("annotations").put("org.opencontainers.image.ref.name", imageName);
      ObjectNode plat = entry.putObject("platform");
      plat.put("architecture", osArch.length > 1 ? osArch[1] : "");
      plat.put("os", osArch[0]);
      Path part = tarball.resolveSibling(tarball.getFileName() + ".part");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part));
          TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        put(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes());
        put(tar, "index.json", json.writeValueAsBytes(index));
        put(tar, "blobs/sha256/" + RawManifest.sha256(configBytes).hex(), configBytes);
        put(tar, "blobs/sha256/" + RawManifest.sha256(manifestBytes).hex(), manifestBytes);
        TarArchiveEntry blob = new TarArchiveEntry("blobs/sha256/" + layerDigest.substring(7));
        blob.setSize(Files.size(layer));
        blob.setModTime(EPOCH);
        tar.putArchiveEntry(blob);
        Files.copy(layer, tar);
        tar.closeArchiveEntry();
      }
      Files.move(
          part, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(layer);
    }
  }

  private void addTree(TarArchiveOutputStream tar, Path root) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths =
          walk.filter(p -> !p.equals(root)).sorted(Comparator.comparing(Path::toString)).toList();
    }
    for (Path p : paths) {
      String name = root.relativize(p).toString().replace('\\', '/');
      TarArchiveEntry e;
      if (Files.isSymbolicLink(p)) {
        e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        e.setLinkName(Files.readSymbolicLink(p).toString());
      } else if (Files.isDirectory(p)) {
        e = new TarArchiveEntry(name + "/");
        e.setMode(040755);
      } else {
        e = new TarArchiveEntry(name);
        e.setSize(Files.size(p));
        e.setMode(Files.isExecutable(p) ? 0100755 : 0100644);
      }
      e.setModTime(EPOCH);
      tar.putArchiveEntry(e);
      if (e.isFile()) {
        Files.copy(p, tar);
      }
      tar.closeArchiveEntry();
    }
  }

  /** What a layout tarball holds, read by {@link #read}. */
  record Layout(RawManifest manifest, Map<String, Path> blobs) {}

  @Override
  public void check(Path tarball) throws IOException {
    Path dir = Files.createTempDirectory("oci-check");
    try {
      read(tarball, dir);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Extracts {@code tarball}'s blobs into {@code dir}, checking each against its name, and returns
   * the one image manifest the index names.
   */
  Layout read(Path tarball, Path dir) throws IOException {
    Map<String, Path> blobs = new HashMap<>();
    byte[] index = null;
    try (InputStream in = Files.newInputStream(tarball);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new java.io.BufferedInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
        if (name.equals("index.json")) {
          index = tar.readAllBytes();
        } else if (name.startsWith("blobs/sha256/") && e.isFile()) {
          String hex = name.substring("blobs/sha256/".length());
          Path file = dir.resolve(hex.replaceAll("[^0-9a-f]", "_"));
          MessageDigest sha = sha256();
          try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            tar.transferTo(out);
          }
          if (!hex(sha).equals(hex)) {
            throw invalid(tarball, "blob " + name + " does not match its digest");
          }
          blobs.put("sha256:" + hex, file);
        }
      }
    }
    if (index == null) {
      throw invalid(tarball, "it has no index.json");
    }
    JsonNode manifests = json.readTree(index).path("manifests");
    if (manifests.size() != 1) {
      throw invalid(tarball, "its index names " + manifests.size() + " manifests, expected 1");
    }
    String digest = manifests.get(0).path("digest").asText();
    Path manifestFile = blobs.get(digest);
    if (manifestFile == null || Files.size(manifestFile) > SMALL) {
      throw invalid(tarball, "the manifest " + digest + " is missing");
    }
    RawManifest manifest =
        new RawManifest(
            manifests.get(0).path("mediaType").asText(RawManifest.OCI_MANIFEST),
            Files.readAllBytes(manifestFile));
    JsonNode m = json.readTree(manifest.bytes());
    if (!blobs.containsKey(m.path("config").path("digest").asText())) {
      throw invalid(tarball, "the image config is missing");
    }
    for (JsonNode layer : m.path("layers")) {
      if (!blobs.containsKey(layer.path("digest").asText())) {
        throw invalid(tarball, "layer " + layer.path("digest").asText() + " is missing");
      }
    }
    return new Layout(manifest, blobs);
  }

  private static IOException invalid(Path tarball, String why) {
    return new IOException(
        "Tried to read the OCI image tarball " + tarball + " but failed because: " + why);
  }

  private static void descriptor(ObjectNode node, String mediaType, byte[] content) {
    node.put("mediaType", mediaType);
    node.put("digest", RawManifest.sha256(content).value());
    node.put("size", content.length);
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(data.length);
    e.setModTime(EPOCH);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String hex(MessageDigest d) {
    return HexFormat.of().formatHex(d.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
