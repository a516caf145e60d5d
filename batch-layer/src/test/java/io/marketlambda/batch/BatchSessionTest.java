package io.marketlambda.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.batch.silver.SilverColumns;
import io.marketlambda.core.config.Settings;
import io.marketlambda.testing.LocalSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchSessionTest {
  @Test
  void deltaWritesDoublesWithoutDictionaryAndStringsWithIt(@TempDir Path root) throws IOException {
    LocalSpark.session();
    SparkSession spark = BatchSession.getOrCreate("test", Settings.empty());
    assertThat(BatchSession.PLAIN_DOUBLE_COLUMNS)
        .contains(SilverColumns.ADJ_CLOSE_USD, "close_usd", "sma_20_usd")
        .doesNotContain("symbol", SilverColumns.TRADING_DATE);

    // Few distinct values: Parquet would dictionary-encode every column it is allowed to.
    spark
        .range(10_000)
        .selectExpr("concat('S', id % 3) AS symbol", "CAST(id % 7 AS DOUBLE) AS close_usd")
        .write()
        .format("delta")
        .save(root.toString());

    List<Path> files;
    try (Stream<Path> found = Files.list(root)) {
      files = found.filter(file -> file.toString().endsWith(".parquet")).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      try (ParquetFileReader reader =
          ParquetFileReader.open(
              HadoopInputFile.fromPath(
                  new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
        for (ColumnChunkMetaData column : reader.getFooter().getBlocks().get(0).getColumns()) {
          Set<Encoding> encodings = column.getEncodings();
          boolean dictionary =
              encodings.stream()
                  .anyMatch(
                      encoding ->
                          encoding == Encoding.PLAIN_DICTIONARY
                              || encoding == Encoding.RLE_DICTIONARY);
          String name = column.getPath().toDotString();
          assertThat(dictionary)
              .as(
                  "%s: %s",
                  name, encodings.stream().map(Enum::name).collect(Collectors.joining(",")))
              .isEqualTo(name.equals("symbol"));
        }
      }
    }
  }
}
