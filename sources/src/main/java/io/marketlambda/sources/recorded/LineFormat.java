package io.marketlambda.sources.recorded;

/**
 * The shape of a line-oriented recorded file: what it holds (for messages), its header line if it
 * has one, and how many comma-separated fields a row has.
 *
 * @param description what the file holds, for messages, e.g. {@code Lean trade ticks}
 * @param header the exact first line, or empty when the file has no header
 * @param minColumns the fewest fields a row may have
 * @param maxColumns the most fields a row may have
 */
record LineFormat(String description, String header, int minColumns, int maxColumns) {
  LineFormat {
    if (minColumns < 1 || maxColumns < minColumns) {
      throw new IllegalArgumentException(
          "Cannot create line format "
              + description
              + ": columns "
              + minColumns
              + ".."
              + maxColumns);
    }
  }

  /** A file without a header whose rows have exactly {@code columns} fields. */
  static LineFormat headerless(String description, int columns) {
    return new LineFormat(description, "", columns, columns);
  }

  /** A file whose first line is {@code header}; rows have as many fields as the header. */
  static LineFormat withHeader(String description, String header) {
    int columns = CsvRow.split(1, header).fields().size();
    return new LineFormat(description, header, columns, columns);
  }

  boolean hasHeader() {
    return !header.isEmpty();
  }
}
