package io.marketlambda.sources.recorded;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Hand-written inputs under {@code src/test/resources/io/marketlambda/sources/recorded}. */
final class TestFiles {
  private TestFiles() {}

  static Path resource(String relative) {
    URL url = TestFiles.class.getResource(relative);
    if (url == null) {
      throw new IllegalStateException("Cannot find test resource " + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot find test resource " + relative, e);
    }
  }
}
