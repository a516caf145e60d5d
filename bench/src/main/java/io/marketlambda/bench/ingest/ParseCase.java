package io.marketlambda.bench.ingest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.alphavantage.AlphaVantageParser;
import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import io.marketlambda.sources.alphavantage.BarLabel;
import io.marketlambda.sources.alphavantage.IntradayInterval;
import io.marketlambda.sources.quarantine.Quarantine;
import io.marketlambda.sources.recorded.LeanDailyBarReader;
import io.marketlambda.sources.recorded.LeanTradeTickReader;
import io.marketlambda.sources.recorded.RecordedReader;
import io.marketlambda.sources.recorded.StooqBarReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One file format of the parse benchmark: our reader of a real file, and the bare baseline, a plain
 * Jackson parse of the same bytes (CSV rows into string arrays, or a JSON tree).
 *
 * @param format the format's name as printed
 * @param file the real file read, relative to the shared data directory
 * @param ours reads the file with our reader and returns the records accepted
 * @param baseline parses the same file with plain Jackson and returns the rows or nodes read
 */
record ParseCase(String format, String file, Reader ours, Reader baseline) {
  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads a file, returning how many records or rows it got. */
  @FunctionalInterface
  interface Reader {
    int read(Path file, Quarantine quarantine);
  }

  /** The formats measured: the largest real file of each in the shared data. */
  static List<ParseCase> all() {
    return List.of(
        new ParseCase(
            "lean-tick",
            "lean/tick/20131007_spy_Trade_Tick.csv",
            recorded(LeanTradeTickReader::open),
            ParseCase::csvRows),
        new ParseCase(
            "lean-daily",
            "lean/daily/spy.csv",
            recorded(LeanDailyBarReader::open),
            ParseCase::csvRows),
        new ParseCase(
            "stooq-daily",
            "stooq-daily-us/ibm.us.txt",
            recorded(StooqBarReader::openDaily),
            ParseCase::csvRows),
        new ParseCase(
            "stooq-5min",
            "stooq-5min-us/ibm.us.txt",
            recorded(StooqBarReader::openFiveMinute),
            ParseCase::csvRows),
        new ParseCase(
            "alphavantage-csv",
            "alphavantage/romeltorres-alpha_vantage/time_series_intraday_extended_1min_MSFT.csv",
            ParseCase::alphaVantageIntradayCsv,
            ParseCase::csvRows),
        new ParseCase(
            "alphavantage-json",
            "alphavantage/romeltorres-alpha_vantage/time_series_intraday_1min_MSFT.json",
            ParseCase::alphaVantageIntradayJson,
            ParseCase::jsonNodes));
  }

  private static <T> Reader recorded(BiFunction<Path, Quarantine, RecordedReader<T>> open) {
    return (file, quarantine) -> {
      try (RecordedReader<T> reader = open.apply(file, quarantine)) {
        int[] count = {0};
        reader.forEach(record -> count[0]++);
        return count[0];
      }
    };
  }

  private static int alphaVantageIntradayCsv(Path file, Quarantine quarantine) {
    AlphaVantageRequest request =
        AlphaVantageRequest.intraday(Symbol.of("MSFT"), IntradayInterval.ONE_MINUTE)
            .forMonth(YearMonth.of(2020, 12))
            .asCsv();
    return new AlphaVantageParser(BarLabel.END, quarantine)
        .parseBars(request, text(file))
        .records()
        .size();
  }

  private static int alphaVantageIntradayJson(Path file, Quarantine quarantine) {
    AlphaVantageRequest request =
        AlphaVantageRequest.intraday(Symbol.of("MSFT"), IntradayInterval.ONE_MINUTE);
    return new AlphaVantageParser(BarLabel.START, quarantine)
        .parseBars(request, text(file))
        .records()
        .size();
  }

  private static int csvRows(Path file, Quarantine quarantine) {
    try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(file.toFile())) {
      int count = 0;
      while (rows.hasNext()) {
        rows.next();
        count++;
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static int jsonNodes(Path file, Quarantine quarantine) {
    try {
      int[] count = {0};
      JSON.readTree(file.toFile()).forEach(section -> count[0] += section.size());
      return count[0];
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
