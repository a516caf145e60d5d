/**
 * Readers of recorded market data files: QuantConnect Lean (trade and quote ticks, minute trade and
 * quote bars, daily bars, factor files, map files), Stooq (daily and five-minute bars) and Yahoo
 * Finance daily CSV.
 *
 * <p>Every reader streams the accepted records of one file in file order through a {@link
 * io.marketlambda.sources.recorded.RecordedReader}, which must be closed, and ends with a {@link
 * io.marketlambda.sources.quarantine.ReadSummary}. A missing file or an empty one is an error
 * ({@code Cannot read <what> <path>: not found} / {@code : empty}); a bad row is not: it goes to
 * the {@link io.marketlambda.sources.quarantine.Quarantine} with the file, its 1-based line, the
 * field at fault and the reason, and the read goes on. {@link
 * io.marketlambda.sources.recorded.RecordedSource} opens the right reader for a file or a directory
 * by the command-line code of the source.
 *
 * <p>Times: Lean and Stooq daily dates are America/New_York trading dates (daily bars start at
 * midnight New York); Lean intraday times count milliseconds from midnight New York of the date in
 * the file name; Stooq five-minute times are Europe/Warsaw. Prices: Lean is RAW (adjust with the
 * factor files), Stooq is split- and dividend-adjusted, Yahoo's OHLC is split-adjusted. No vendor
 * here reports VWAP or trade counts: bars carry the typical price {@code (h + l + c) / 3} as an
 * approximate VWAP and a trade count of 0 (unknown).
 */
package io.marketlambda.sources.recorded;
