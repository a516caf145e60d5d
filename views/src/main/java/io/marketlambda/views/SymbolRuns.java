package io.marketlambda.views;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.spark.sql.Row;

/**
 * A partition laid out by symbol (each symbol's rows contiguous, as after {@code
 * repartitionByRange(symbol)} and a sort by symbol first) read one symbol at a time: the rows of
 * each symbol are handed to a function as a list, and its results are returned in turn, lazily. For
 * per-symbol computations over whole histories without a shuffle by symbol.
 *
 * <p>Only a symbol whose rows are interrupted within one partition is detected. A symbol split
 * across two partitions (rows read back from files, which Spark may split and pack together) is
 * not: each part would be computed as a history of its own. Give it rows range-partitioned by
 * symbol in this job, not rows read from a table.
 */
public final class SymbolRuns {
  private SymbolRuns() {}

  /**
   * Returns {@code perSymbol(symbol, rows)} of each symbol's rows, concatenated.
   *
   * @param rows rows with a {@link BarColumns#SYMBOL} column, each symbol's contiguous
   * @param what what is computed, for the error message
   * @throws IllegalStateException when iterated, if a symbol's rows are not contiguous
   */
  public static Iterator<Row> flatMap(
      Iterator<Row> rows, String what, BiFunction<String, List<Row>, List<Row>> perSymbol) {
    Set<String> done = new HashSet<>();
    return new Iterator<>() {
      private Row next = rows.hasNext() ? rows.next() : null;
      private Iterator<Row> current = List.<Row>of().iterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next != null) {
          String symbol = next.getAs(BarColumns.SYMBOL);
          if (!done.add(symbol)) {
            throw new IllegalStateException(
                "Cannot compute " + what + ": the rows of " + symbol + " are not contiguous");
          }
          List<Row> run = new ArrayList<>();
          while (next != null && symbol.equals(next.getAs(BarColumns.SYMBOL))) {
            run.add(next);
            next = rows.hasNext() ? rows.next() : null;
          }
          current = perSymbol.apply(symbol, run).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
