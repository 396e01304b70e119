package dev.strata.darwin.adapter.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.darwin.port.CacheArchiver.Packed;
import dev.strata.darwin.port.CachePath;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarZstdArchiverTest {
  @TempDir Path tmp;
  private final TarZstdArchiver archiver = new TarZstdArchiver(3, 0);

  @Test
  void packThenUnpack_restoresFilesModesAndLinksUnderAnotherHome() throws Exception {
    Path home = tmp.resolve("home1");
    Path mod = Files.createDirectories(home.resolve("go/pkg/mod/example.com/m@v1"));
    Files.writeString(mod.resolve("go.mod"), "module example.com/m\n");
    Path tool = Files.writeString(mod.resolve("tool.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(mod.resolve("latest"), Path.of("go.mod"));
    Path cellar = Files.createDirectories(tmp.resolve("brew1/Cellar/grpc/1.2/bin"));
    Files.writeString(cellar.resolve("grpc_cpp_plugin"), "binary");
    Path archive = tmp.resolve("a.tar.zst");

    Packed packed =
        archiver.pack(
            List.of(
                new CachePath("home/go/pkg/mod", home.resolve("go/pkg/mod")),
                new CachePath("brew/Cellar/grpc", tmp.resolve("brew1/Cellar/grpc")),
                new CachePath("home/absent", home.resolve("absent"))),
            archive);

    assertThat(packed.files()).isEqualTo(3);
    assertThat(packed.bytes()).isEqualTo(Files.size(archive));
    assertThat(packed.sha256()).isEqualTo(sha256(archive));

    Path home2 = tmp.resolve("home2");
    long restored =
        archiver.unpack(
            archive,
            List.of(
                new CachePath("home/go/pkg/mod", home2.resolve("go/pkg/mod")),
                new CachePath("brew/Cellar/grpc", tmp.resolve("brew2/Cellar/grpc"))));

    Path mod2 = home2.resolve("go/pkg/mod/example.com/m@v1");
    assertThat(restored).isEqualTo(3);
    assertThat(mod2.resolve("go.mod")).hasContent("module example.com/m");
    assertThat(Files.getPosixFilePermissions(mod2.resolve("tool.sh")))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(Files.readSymbolicLink(mod2.resolve("latest"))).isEqualTo(Path.of("go.mod"));
    assertThat(tmp.resolve("brew2/Cellar/grpc/1.2/bin/grpc_cpp_plugin")).hasContent("binary");
  }

  @Test
  void pack_isByteForByteRepeatable() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("c/pip"));
    for (int i = 0; i < 20; i++) {
      Files.writeString(dir.resolve("f" + i), "content " + i);
    }
    List<CachePath> paths = List.of(new CachePath("home/pip", dir));

    Packed a = archiver.pack(paths, tmp.resolve("a"));
    Packed b = archiver.pack(paths, tmp.resolve("b"));

    assertThat(a.sha256()).isEqualTo(b.sha256());
  }

  @Test
  void unpack_overwritesExistingFiles() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ccache"));
    Files.writeString(dir.resolve("stats"), "new");
    Path archive = tmp.resolve("a");
    archiver.pack(List.of(new CachePath("home/ccache", dir)), archive);
    Files.writeString(dir.resolve("stats"), "old");

    archiver.unpack(archive, List.of(new CachePath("home/ccache", dir)));

    assertThat(dir.resolve("stats")).hasContent("new");
  }

  @Test
  void unpack_refusesEntriesThatEscapeTheirDirectory() throws Exception {
    Path archive = tmp.resolve("evil.tar.zst");
    try (OutputStream out = Files.newOutputStream(archive);
        var zstd = new com.github.luben.zstd.ZstdOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(zstd)) {
      TarArchiveEntry e = new TarArchiveEntry("home/pip/../../escaped");
      byte[] data = "x".getBytes();
      e.setSize(data.length);
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
    }

    assertThatThrownBy(
            () -> archiver.unpack(archive, List.of(new CachePath("home/pip", tmp.resolve("pip")))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("outside");
    assertThat(tmp.resolve("escaped")).doesNotExist();
  }

  @Test
  void unpack_failsOnATruncatedArchive() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("big"));
    byte[] noise = new byte[1 << 20];
    new java.util.Random(7).nextBytes(noise);
    Files.write(dir.resolve("blob"), noise);
    Path archive = tmp.resolve("a");
    archiver.pack(List.of(new CachePath("home/big", dir)), archive);
    byte[] all = Files.readAllBytes(archive);
    Files.write(archive, java.util.Arrays.copyOf(all, all.length / 2));

    assertThatThrownBy(
            () -> archiver.unpack(archive, List.of(new CachePath("home/big", tmp.resolve("out")))))
        .isInstanceOf(IOException.class);
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
