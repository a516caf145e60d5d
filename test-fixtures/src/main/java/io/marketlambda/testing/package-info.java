/**
 * What the tests of every module share: one local stack per test JVM ({@link
 * io.marketlambda.testing.LocalStackExtension}), one local SparkSession ({@link
 * io.marketlambda.testing.LocalSpark}), the shared real market data ({@link
 * io.marketlambda.testing.SharedData}) and the Lean trade ticks read without the code under test
 * ({@link io.marketlambda.testing.LeanTradeTicks}).
 */
package io.marketlambda.testing;
