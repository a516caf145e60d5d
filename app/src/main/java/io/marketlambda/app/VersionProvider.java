package io.marketlambda.app;

import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code marketlambda --version}: the version from the jar manifest and the git commit it was built
 * from ({@code marketlambda-git.properties}, written by the build), the JVM it runs on, and the
 * versions of the libraries it runs with (Spark, Scala, Delta, Hadoop, HBase and Kafka clients),
 * each as that library reports it, or as its jar is named.
 */
final class VersionProvider implements IVersionProvider {
  private static final Pattern JAR_VERSION = Pattern.compile("-(\\d[\\w.\\-]*?)\\.jar$");

  @Override
  public String[] getVersion() {
    String version = MarketLambdaApplication.class.getPackage().getImplementationVersion();
    return new String[] {
      "marketlambda " + (version == null ? "(development build)" : version) + revision(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
      "Spark "
          + of(() -> jarVersion("org.apache.spark.SparkContext"))
          + ", Scala "
          + of(scala.util.Properties::versionNumberString)
          + ", Delta Lake "
          + of(() -> jarVersion("io.delta.tables.DeltaTable")),
      "Hadoop client "
          + of(() -> staticString("org.apache.hadoop.util.VersionInfo", "getVersion"))
          + ", HBase client "
          + of(() -> staticString("org.apache.hadoop.hbase.util.VersionInfo", "getVersion"))
          + ", Kafka client "
          + of(org.apache.kafka.common.utils.AppInfoParser::getVersion)
    };
  }

  /**
   * {@code (git 1a2b3c4, 2026-12-07T03:00:00Z)}, with {@code , uncommitted changes} when the tree
   * was dirty; empty when the build had no git checkout.
   */
  static String revision() {
    java.util.Properties git = new java.util.Properties();
    try (java.io.InputStream in =
        VersionProvider.class.getResourceAsStream("/marketlambda-git.properties")) {
      if (in == null) {
        return "";
      }
      git.load(in);
    } catch (java.io.IOException e) {
      return "";
    }
    String commit = git.getProperty("git.commit.id.abbrev");
    if (commit == null || commit.isBlank()) {
      return "";
    }
    return " (git "
        + commit
        + ", "
        + git.getProperty("git.commit.time", "time unknown")
        + ("true".equals(git.getProperty("git.dirty")) ? ", uncommitted changes" : "")
        + ")";
  }

  /** A version, or {@code unknown} when the library cannot say (or is not on the class path). */
  private static String of(Callable<String> version) {
    try {
      String value = version.call();
      return value == null || value.isBlank() ? "unknown" : value;
    } catch (Exception | LinkageError e) {
      return "unknown";
    }
  }

  /**
   * What a library's static version method answers (looked up by name: not all are compiled in).
   */
  private static String staticString(String className, String method) throws Exception {
    return (String) Class.forName(className).getMethod(method).invoke(null);
  }

  /** The version in the name of the jar a class is loaded from, e.g. 3.3.2; null if none. */
  static String jarVersion(String className) throws ClassNotFoundException {
    String jar =
        Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath();
    Matcher matcher = JAR_VERSION.matcher(jar);
    return matcher.find() ? matcher.group(1) : null;
  }
}
