package io.marketlambda.bench;

/**
 * Stops and starts a service of the local stack a fault runs on: {@code stop kafka}, {@code start
 * hbase-regionserver}, as the local stack's control channel takes them.
 */
@FunctionalInterface
public interface StackControl {
  void control(String command) throws Exception;
}
