package io.marketlambda.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the architecture visible: layers never depend on each other, only this composition root
 * sees them all, no product code depends on the benchmarks, core stays free of Spark, HBase, Kafka,
 * Hadoop and Delta, and only the HBase store (hbase-views) encodes HBase bytes.
 */
class LayerDependencyTest {
  private static final List<String> LAYERS =
      List.of("ingest", "speed", "batch", "serving", "oozie", "layout", "localstack");
  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.marketlambda");

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "speed", "batch", "serving", "oozie", "layout", "localstack"})
  void layerDependsOnNoOtherLayer(String layer) {
    String[] others =
        LAYERS.stream()
            .filter(other -> !other.equals(layer))
            .map(other -> "io.marketlambda." + other + "..")
            .toArray(String[]::new);

    noClasses()
        .that()
        .resideInAPackage("io.marketlambda." + layer + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .allowEmptyShould(true)
        .because("layers meet only in core and in the app module (" + Arrays.toString(others) + ")")
        .check(PRODUCT);
  }

  @Test
  void benchmarksStayOutOfTheProduct() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.marketlambda.bench..", "io.marketlambda.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.marketlambda.bench..")
        .because("the layers' jars carry no benchmark code; only the command line runs them")
        .check(PRODUCT);
  }

  @Test
  void noLayerDependsOnTheApp() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.marketlambda.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.marketlambda.app..")
        .check(PRODUCT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"views", "hbaseviews", "sources"})
  void sharedModulesDependOnNoLayer(String shared) {
    noClasses()
        .that()
        .resideInAPackage("io.marketlambda." + shared + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            LAYERS.stream().map(layer -> "io.marketlambda." + layer + "..").toArray(String[]::new))
        .because("the shared modules (Spark views, the HBase store, the sources) serve every layer")
        .check(PRODUCT);
  }

  @Test
  void coreDependsOnNoInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("io.marketlambda.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.spark..",
            "org.apache.hadoop..",
            "org.apache.kafka..",
            "io.delta..",
            "scala..")
        .allowEmptyShould(true)
        .check(PRODUCT);
  }

  @Test
  void onlyTheHBaseStoreEncodesCells() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.marketlambda.hbaseviews..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.hadoop.hbase.util.Bytes")
        .because("row keys, families, qualifiers and values are encoded once, in hbase-views")
        .check(PRODUCT);
  }
}
