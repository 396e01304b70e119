package dev.strata.darwin.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Fake {@code brew}, {@code go}, {@code make} and {@code ccache} scripts for Linux tests. They log
 * every call to {@code calls.log} and create files where the real tools would: Homebrew downloads
 * and Cellar kegs, Go module and build caches, pip/uv wheels, ccache objects, and the backend's
 * package directory {@code build/<backend>}. {@code make} records whether it found the caches
 * restored and the environment it saw.
 */
public final class FakeToolchain {
  private final Path bin;
  private final Path log;

  private FakeToolchain(Path bin, Path log) {
    this.bin = bin;
    this.log = log;
  }

  /** Writes the scripts into {@code dir/bin}. */
  public static FakeToolchain install(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path log = dir.resolve("calls.log");
    String logLine = "echo \"$(basename \"$0\") $*\" >> " + log + "\n";
    script(
        bin.resolve("brew"),
        logLine
            + "cmd=$1; shift\n"
            + "case \"$cmd\" in\n"
            + "  install|reinstall)\n"
            + "    mkdir -p \"$HOME/Library/Caches/Homebrew/downloads\"\n"
            + "    for f in \"$@\"; do\n"
            + "      mkdir -p \"$HOMEBREW_PREFIX/Cellar/$f/1.0/bin\"\n"
            + "      echo \"keg $f\" > \"$HOMEBREW_PREFIX/Cellar/$f/1.0/bin/$f\"\n"
            + "      echo bottle > \"$HOME/Library/Caches/Homebrew/downloads/$f.bottle.tar.gz\"\n"
            + "    done ;;\n"
            + "  link) echo 'Error: Could not symlink bin/make' >&2; exit 1 ;;\n"
            + "esac\n");
    script(
        bin.resolve("go"),
        logLine
            + "if [ \"$1\" = version ]; then echo 'go version go1.25.3 darwin/arm64'; exit 0; fi\n");
    script(bin.resolve("ccache"), logLine + "if [ \"$1\" = -s ]; then echo 'Hits: 0'; fi\n");
    script(
        bin.resolve("make"),
        logLine
            + "if [ -n \"$FAKE_MAKE_FAIL\" ] && [ \"$1\" = \"$FAKE_MAKE_FAIL\" ]; then\n"
            + "  echo \"compiling $1\"; echo 'error: boom' >&2; exit 2\n"
            + "fi\n"
            + "case \"$1\" in\n"
            + "  protogen-go)\n"
            + "    mkdir -p \"$HOME/go/pkg/mod/google.golang.org/grpc@v1\" \"$HOME/Library/Caches/go-build/00\"\n"
            + "    echo mod > \"$HOME/go/pkg/mod/google.golang.org/grpc@v1/go.mod\"\n"
            + "    echo obj > \"$HOME/Library/Caches/go-build/00/obj\" ;;\n"
            + "  build-darwin-*-backend)\n"
            + "    b=$BACKEND\n"
            + "    state=build/$b.state; mkdir -p build\n"
            + "    if [ -f \"$HOME/Library/Caches/pip/wheel-$b.whl\" ]; then echo 'wheels=restored' > $state; else echo 'wheels=cold' > $state; fi\n"
            + "    echo \"BUILD_TYPE=$BUILD_TYPE USE_PIP=$USE_PIP\" >> $state\n"
            + "    mkdir -p \"$HOME/Library/Caches/pip\" \"$HOME/Library/Caches/uv\" build/$b\n"
            + "    echo wheel > \"$HOME/Library/Caches/pip/wheel-$b.whl\"\n"
            + "    echo uv > \"$HOME/Library/Caches/uv/uv-$b\"\n"
            + "    echo '#!/bin/sh' > build/$b/run.sh; chmod +x build/$b/run.sh ;;\n"
            + "  backends/*-darwin)\n"
            + "    b=${1#backends/}; b=${b%-darwin}\n"
            + "    mkdir -p build/$b\n"
            + "    if [ -f \"$CCACHE_DIR/objects\" ]; then echo 'ccache=restored' > build/$b.state; else echo 'ccache=cold' > build/$b.state; fi\n"
            + "    echo \"CMAKE_ARGS=$CMAKE_ARGS\" >> build/$b.state\n"
            + "    if [ -n \"$CCACHE_DIR\" ]; then mkdir -p \"$CCACHE_DIR\"; echo o >> \"$CCACHE_DIR/objects\"; fi\n"
            + "    echo bin > build/$b/$b ;;\n"
            + "esac\n");
    return new FakeToolchain(bin, log);
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\nset -e\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The PATH with the fakes first. */
  public String path() {
    return bin + ":/usr/bin:/bin";
  }

  /** Every call so far, one {@code <tool> <args>} line each. */
  public List<String> calls() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** Forgets the calls so far. */
  public void clearCalls() throws IOException {
    Files.deleteIfExists(log);
  }
}
