package dev.strata.gateway.it;

import static dev.strata.gateway.it.TestPlatform.AGENT;
import static dev.strata.gateway.it.TestPlatform.CI;
import static dev.strata.gateway.it.TestPlatform.sha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.trigger.api.RunId;
import dev.strata.gateway.boot.GatewayState;
import dev.strata.gateway.core.RunBoard;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in headless Chromium (Debian's {@code chromium}): the rendered DOM shows the run
 * and its legs' states, the page's script follows the live event stream and redraws when a run
 * arrives after the page loaded, and the screenshot shows real content (not a blank page).
 */
class StatusPageChromiumIntegrationTest {
  private static final List<String> CHROMIUM =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--no-first-run",
          "--hide-scrollbars");

  @TempDir Path dir;
  private TestPlatform platform;
  private RunId run;
  private String agent;

  @BeforeEach
  void runWithLegs() throws Exception {
    platform = TestPlatform.start(dir.resolve("data"));
    var r = platform.post("/v1/triggers", CI, TestPlatform.push("page-a", sha('0'), sha('a')));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    run = RunId.of(new JsonObject(r.body()).getString("runId"));
    platform.plan(run, "page-class", "-cpu-vllm@amd64", "-cpu-diffusers@amd64");
    var reg =
        platform.post(
            "/v1/agents/register",
            AGENT,
            new JsonObject()
                .put("name", "page-runner")
                .put("runnerClasses", new JsonArray(List.of("page-class")))
                .encode());
    agent = new JsonObject(reg.body()).getString("agentId");
    var claim =
        platform.post(
            "/v1/agents/" + agent + "/claim",
            AGENT,
            new JsonObject().put("waitSeconds", 5).encode());
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(200);
    TestPlatform.await(
        "the claim in the page",
        () -> {
          try {
            return platform.get("/?fragment=1", null).body().contains("CLAIMED");
          } catch (Exception e) {
            return false;
          }
        });
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  @Test
  void renderedDom_showsTheRunItsLegStatesAndRunsArrivingLive() throws Exception {
    int following = board().subscribers();
    try (DevToolsPage page =
        DevToolsPage.open(findChromium(), CHROMIUM, dir.resolve("chromium-profile"))) {
      page.navigate(platform.base + "/");
      page.waitFor(
          "the page's script to open the event stream",
          "document.body.getAttribute('data-stream') === 'open'",
          Duration.ofSeconds(30));
      TestPlatform.await("the stream at the gateway", () -> board().subscribers() > following);
      var late = platform.post("/v1/triggers", CI, TestPlatform.push("page-b", sha('0'), sha('b')));
      String lateRun = new JsonObject(late.body()).getString("runId");
      page.waitFor(
          "the page to redraw with a run that arrived after it loaded",
          "document.getElementById('content').innerHTML.indexOf('" + lateRun + "') >= 0",
          Duration.ofSeconds(30));

      String dom = page.evaluate("document.documentElement.outerHTML");

      assertThat(dom)
          .contains(run.value())
          .contains("-cpu-vllm@amd64")
          .contains("-cpu-diffusers@amd64")
          .contains(">CLAIMED<")
          .contains(">WAITING<")
          .contains(agent)
          .contains("Recent runs (2)")
          .contains("data-refreshed=");
    }
  }

  @Test
  void screenshot_showsContentNotABlankPage() throws Exception {
    Path png = dir.resolve("status.png");
    String out =
        finish(
            chromium(
                "--timeout=5000",
                "--window-size=1280,900",
                "--screenshot=" + png,
                platform.base + "/"),
            60);

    assertThat(png).as("chromium wrote no screenshot; its output:%n%s", out).exists();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(900);
    Set<Integer> colours = new HashSet<>();
    int background = image.getRGB(image.getWidth() - 2, image.getHeight() - 2);
    long differing = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        colours.add(rgb);
        if (rgb != background) {
          differing++;
        }
      }
    }
    // text in several colours (states), table borders and header fills, anti-aliasing
    assertThat(colours).as("distinct colours in the screenshot").hasSizeGreaterThan(20);
    assertThat(differing).as("pixels that are not background").isGreaterThan(5_000);
  }

  private RunBoard board() {
    return platform.runtime.configuration().getComponent(GatewayState.class).board();
  }

  private Process chromium(String... args) throws IOException {
    Path binary = findChromium();
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(CHROMIUM);
    command.add("--user-data-dir=" + dir.resolve("chromium-profile"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(dir.resolve("chromium.err").toFile()).start();
  }

  private String finish(Process process, int seconds) throws Exception {
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within " + seconds + " s");
    }
    String stdout = new String(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue())
        .as("chromium exit code; stderr:%n%s", Files.readString(dir.resolve("chromium.err")))
        .isZero();
    return stdout;
  }

  private static Path findChromium() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path c = Path.of(p, "chromium");
      if (!p.isEmpty() && Files.isExecutable(c)) {
        return c;
      }
    }
    throw new AssertionError(
        "Tried to start headless Chromium for the status page test but failed because: no"
            + " 'chromium' executable in /usr/bin or on PATH. Install Debian's chromium package"
            + " (scripts/setup does: apt-get install chromium), then rerun the test.");
  }
}
