package io.marketlambda.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, and the JVM it runs on. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = MarketLambdaApplication.class.getPackage().getImplementationVersion();
    return new String[] {
      "marketlambda " + (version == null ? "(development build)" : version),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
