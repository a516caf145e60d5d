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
 * lightweight-charts renders into canvases. It then keeps a screenshot of the page for people to
 * look at (the IT's log names the file).
 */
final class ChartPage {
  private static final Pattern BARS = Pattern.compile("data-bars=\"(\\d+)\"");

  private ChartPage() {}

  /**
   * Asserts that the page at {@code url} drew a chart of at least one bar, then saves a 1280x800
   * PNG screenshot of it to {@code screenshot}.
   */
  static void assertDrawn(String url, Path screenshot) throws IOException, InterruptedException {
    String browser =
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream()
            .filter(path -> Files.isExecutable(Path.of(path)))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "No headless browser: install Debian's chromium (apt-get install chromium), as .ci/run does"));
    Path profile = Files.createTempDirectory("chart-page-profile");
    Process process = headless(browser, profile, "--dump-dom", url).start();
    String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(dom)
        .as("the page's DOM after its scripts ran")
        .contains("data-chart=\"drawn\"")
        .contains("<canvas");
    Matcher bars = BARS.matcher(dom);
    assertThat(bars.find()).isTrue();
    assertThat(Integer.parseInt(bars.group(1))).as("bars drawn").isPositive();

    Files.createDirectories(screenshot.toAbsolutePath().getParent());
    Process shot =
        headless(browser, profile, "--screenshot=" + screenshot.toAbsolutePath(), url)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(shot.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(screenshot).as("the chart's screenshot").isNotEmptyFile();
    System.out.println("chart page screenshot: " + screenshot.toAbsolutePath());
  }

  private static ProcessBuilder headless(String browser, Path profile, String... arguments) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1280,800",
                "--virtual-time-budget=30000"));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
  }
}
