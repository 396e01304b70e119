package dev.strata.audit.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.audit.Cli;
import dev.strata.audit.TestStores;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report renders in headless Chromium with its charts: the screenshot has real content
 * (many non-white pixels) and the hit-ratio line in its colour.
 */
class HtmlReportIntegrationTest {
  static final int LINE_RGB = 0x1f77b4;

  @TempDir Path dir;

  @Test
  void htmlReport_rendersItsChartsInHeadlessChromium() throws Exception {
    Path store = dir.resolve("store");
    TestStores.write(TestStores.h2(store), TestStores.history(200, 3));
    Path html = dir.resolve("audit.html");
    Cli.Result result =
        Cli.run(
            "audit", "--data-dir", store.toString(), "--format", "html", "--out", html.toString());
    assertThat(result.exit()).as(result.err()).isZero();
    String page = Files.readString(html);
    assertThat(page).contains("<svg").doesNotContain("<script").doesNotContain("src=\"http");

    Path png = screenshot(html, dir.resolve("audit.png"), 1000);
    BufferedImage image = ImageIO.read(png.toFile());
    long nonWhite = 0;
    long line = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        if (rgb != 0xffffff) {
          nonWhite++;
        }
        if (close(rgb, LINE_RGB)) {
          line++;
        }
      }
    }
    long total = (long) image.getWidth() * image.getHeight();
    assertThat(nonWhite).as("non-white pixels of " + total).isGreaterThan(total / 5);
    assertThat(line).as("pixels of the hit-ratio line").isGreaterThan(300);
    // a full-page copy for people to look at
    Files.copy(
        screenshot(html, dir.resolve("full.png"), 4200),
        Path.of("target/audit-report.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        html,
        Path.of("target/audit-report.html"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private Path screenshot(Path html, Path png, int height) throws Exception {
    Path profile = Files.createTempDirectory(dir, "chromium");
    Process p =
        new ProcessBuilder(
                List.of(
                    "chromium",
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--user-data-dir=" + profile,
                    "--screenshot=" + png,
                    "--window-size=1280," + height,
                    html.toUri().toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromium.log").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.log"))).isZero();
    assertThat(png).exists();
    return png;
  }

  private static boolean close(int rgb, int target) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff)) > 24) {
        return false;
      }
    }
    return true;
  }
}
