/**
 * What the tests of every module and the benchmarks share: one local stack per test JVM ({@link
 * io.marketlambda.testing.LocalStackExtension}), one local SparkSession ({@link
 * io.marketlambda.testing.LocalSpark}), the shared real market data ({@link
 * io.marketlambda.testing.SharedData}), the Lean trade ticks read without the code under test
 * ({@link io.marketlambda.testing.LeanTradeTicks}), a process of ours in a child JVM that a test
 * can kill ({@link io.marketlambda.testing.ChildJvm}) and a loopback stand-in for Alpha Vantage
 * serving its real recorded responses ({@link io.marketlambda.testing.LocalAlphaVantage}).
 */
package io.marketlambda.testing;
