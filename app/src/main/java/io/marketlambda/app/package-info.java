/**
 * The {@code bin/marketlambda} command line (picocli): one command class per job ({@code
 * local-stack}, {@code ingest}, {@code replay}, {@code speed}, {@code import}, {@code land}, {@code
 * batch}, {@code serve}, {@code query}, {@code demo}, {@code bench}, {@code oozie}, {@code layout},
 * {@code config}, {@code doctor}) under {@link io.marketlambda.app.MarketLambdaApplication}; the
 * shared {@code --config/--conf} options ({@link io.marketlambda.app.ConfigOptions}), durations
 * ({@link io.marketlambda.app.DurationConverter}), logging ({@link io.marketlambda.app.Logging}),
 * progress bars ({@link io.marketlambda.app.ConsoleProgress}) and query output formats ({@link
 * io.marketlambda.app.QueryOutput}). Exit codes: 0 success, 1 the command failed (one line says
 * why), 2 a bad command line.
 */
package io.marketlambda.app;
