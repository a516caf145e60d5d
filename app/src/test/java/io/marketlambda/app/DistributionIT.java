package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The distribution {@code bin/marketlambda} runs ({@code app/target/marketlambda/lib}) holds what
 * its commands load: a dependency the parent POM manages as {@code provided} (left to Spark on a
 * cluster) silently drops out of it, and a fresh clone's commands then fail at their first Spark
 * call, while every in-process test, on Maven's test class path, passes.
 */
class DistributionIT {
  private static final Path LIB = Path.of("target", "marketlambda", "lib");

  @Test
  void libraryLoadsTheClassesEveryLayerNeeds() throws IOException, ClassNotFoundException {
    List<URL> jars;
    try (Stream<Path> files = Files.list(LIB)) {
      jars =
          files.filter(file -> file.toString().endsWith(".jar")).map(DistributionIT::url).toList();
    }
    // Only lib/: the platform class loader as parent, not the test's class path.
    try (URLClassLoader loader =
        new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      for (String name :
          List.of(
              "io.marketlambda.app.MarketLambdaApplication",
              "org.apache.hadoop.fs.FSDataInputStream", // hadoop-client-api
              "org.apache.hadoop.shaded.com.ctc.wstx.stax.WstxInputFactory", // -runtime
              "org.apache.spark.sql.SparkSession",
              "org.apache.spark.sql.kafka010.KafkaSourceProvider",
              "io.delta.tables.DeltaTable",
              "org.apache.hadoop.hbase.client.ConnectionFactory",
              "org.apache.kafka.clients.producer.KafkaProducer",
              "org.apache.logging.log4j.core.LoggerContext")) {
        assertThat(Class.forName(name, false, loader).getName()).isEqualTo(name);
      }
    }
  }

  private static URL url(Path file) {
    try {
      return file.toUri().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
