package io.marketlambda.sources.recorded;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.Quarantine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Reads a QuantConnect Lean daily bar file, {@code daily/<symbol>.csv}, into daily {@link Bar}s
 * starting at midnight America/New_York of their trading date. The symbol comes from the file name:
 *
 * <pre>
 * date,open,high,low,close,volume
 * 20200831 00:00,1276000,1310000,1260000,1290400,225702700
 * </pre>
 *
 * <ul>
 *   <li>{@code date}: the trading date, {@code yyyyMMdd 00:00}
 *   <li>{@code open..close}: RAW prices, neither split- nor dividend-adjusted, USD x 10,000; adjust
 *       them with {@link LeanFactorFile}
 *   <li>{@code volume}: shares, raw
 * </ul>
 *
 * <p>The file is read as the vendor wrote it. A ticker may have named another security before its
 * current one was listed: Lean's {@code fb.csv} holds rows from 1999-09-29 although Facebook listed
 * on 2012-05-18. {@link #openListed} and {@link #openInLeanLayout} reject such rows into the
 * quarantine using the map file's first date, so the cut-off happens here, not in the batch layer.
 */
public final class LeanDailyBarReader {
  private static final LineFormat FORMAT = LineFormat.headerless("Lean daily bars", 6);

  private LeanDailyBarReader() {}

  /**
   * Opens a daily bar file and accepts every valid row.
   *
   * @throws java.io.UncheckedIOException when the file is not found or cannot be read
   * @throws io.marketlambda.core.model.InvalidRecordException when the file is empty or not named
   *     {@code <symbol>.csv}
   */
  public static RecordedReader<Bar> open(Path file, Quarantine quarantine) {
    return open(file, LocalDate.MIN, quarantine);
  }

  /**
   * Opens a daily bar file and rejects rows dated before the security's listing: the first date of
   * its map file. Those rows go to the quarantine (field {@code date}, reason {@code ... is before
   * the first date ... of the map file}).
   *
   * @throws java.io.UncheckedIOException when the file is not found or cannot be read
   * @throws io.marketlambda.core.model.InvalidRecordException when the file is empty or not named
   *     {@code <symbol>.csv}
   */
  public static RecordedReader<Bar> openListed(Path file, LeanMapFile map, Quarantine quarantine) {
    return open(file, map.firstDate(), quarantine);
  }

  /**
   * Opens a daily bar file of Lean's data layout, {@code .../daily/<symbol>.csv}: when the map file
   * {@code .../map_files/<symbol>.csv} exists beside the {@code daily} folder, rows dated before
   * its first date are rejected as with {@link #openListed}; otherwise every valid row is accepted.
   * {@link RecordedSource#LEAN_DAILY} opens files so.
   *
   * @throws java.io.UncheckedIOException when a file is not found or cannot be read
   * @throws io.marketlambda.core.model.InvalidRecordException when a file is empty or not named
   *     {@code <symbol>.csv}
   */
  public static RecordedReader<Bar> openInLeanLayout(Path file, Quarantine quarantine) {
    Path folder = file.toAbsolutePath().getParent();
    Path map = folder.resolveSibling("map_files").resolve(file.getFileName().toString());
    if (Files.isRegularFile(map)) {
      return openListed(file, LeanMapFile.read(map, quarantine), quarantine);
    }
    return open(file, quarantine);
  }

  private static RecordedReader<Bar> open(Path file, LocalDate firstDate, Quarantine quarantine) {
    Symbol symbol = LeanFileName.symbolOfFile(file, ".csv");
    return LineReader.open(FORMAT, file, row -> parse(symbol, firstDate, row), quarantine);
  }

  private static Bar parse(Symbol symbol, LocalDate firstDate, CsvRow row) {
    LocalDate date = row.leanDate(0, "date");
    if (date.isBefore(firstDate)) {
      throw row.invalid(
          "date",
          date + " is before the first date " + firstDate + " of the map file: another security");
    }
    return Bar.withTypicalPriceVwap(
        symbol,
        BarInterval.ONE_DAY,
        MarketTime.startOf(date),
        row.leanPriceUsd(1, "open"),
        row.leanPriceUsd(2, "high"),
        row.leanPriceUsd(3, "low"),
        row.leanPriceUsd(4, "close"),
        row.decimal(5, "volume"));
  }
}
