package io.marketlambda.testing;

import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.localstack.LocalStackOptions;
import io.marketlambda.localstack.LocalStackProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one local stack (Kafka, ZooKeeper, HDFS, HBase in a child JVM) per test JVM, shared by
 * every test class that uses this extension, and stops it when the test run ends.
 *
 * <pre>
 * &#64;ExtendWith(LocalStackExtension.class)
 * class QuotesIT {
 *   &#64;Test
 *   void lands(LocalStackEndpoints endpoints) { ... }
 * }
 * </pre>
 *
 * <p>The stack's data and log live in {@code target/local-stack} of the module under test and are
 * wiped at start. The child JVM's class path comes from the build (see {@link LocalStackProcess}).
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {
  private static final Path DATA_DIRECTORY = Path.of("target", "local-stack");

  @Override
  public void beforeAll(ExtensionContext context) {
    endpoints(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalStackEndpoints.class || type == LocalStackProcess.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStackProcess.class
        ? process(context)
        : endpoints(context);
  }

  /** The endpoints of this test JVM's local stack, starting it on first use. */
  public static LocalStackEndpoints endpoints(ExtensionContext context) {
    return process(context).endpoints();
  }

  /**
   * This test JVM's local stack, starting it on first use: for fault tests that stop and start its
   * services ({@link LocalStackProcess#control}); they must leave it running.
   */
  public static LocalStackProcess process(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(Namespace.GLOBAL)
        .getOrComputeIfAbsent(
            SharedLocalStack.class,
            key ->
                new SharedLocalStack(
                    LocalStackProcess.start(LocalStackOptions.forTests(DATA_DIRECTORY))),
            SharedLocalStack.class)
        .process();
  }

  /** The stack held in the root store, closed by JUnit when the whole test run ends. */
  private record SharedLocalStack(LocalStackProcess process)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      process.close();
    }
  }
}
