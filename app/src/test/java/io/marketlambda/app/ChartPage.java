package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the chart page in headless Chromium (Debian's {@code chromium}, which {@code .ci/run}
 * installs) and checks from the DOM after its scripts ran that the chart was drawn: the page sets
 * {@code data-chart="drawn"} and {@code data-bars} on its body after drawing, and
 * lightweight-charts renders into canvases.
 */
final class ChartPage {
  private static final Pattern BARS = Pattern.compile("data-bars=\"(\\d+)\"");

  private ChartPage() {}

  static void assertDrawn(String url) throws IOException, InterruptedException {
    String browser =
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream()
            .filter(path -> Files.isExecutable(Path.of(path)))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "No headless browser: install Debian's chromium (apt-get install chromium), as .ci/run does"));
    Path profile = Files.createTempDirectory("chart-page-profile");
    Process process =
        new ProcessBuilder(
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1280,800",
                "--virtual-time-budget=30000",
                "--dump-dom",
                url)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(dom)
        .as("the page's DOM after its scripts ran")
        .contains("data-chart=\"drawn\"")
        .contains("<canvas");
    Matcher bars = BARS.matcher(dom);
    assertThat(bars.find()).isTrue();
    assertThat(Integer.parseInt(bars.group(1))).as("bars drawn").isPositive();
  }
}
