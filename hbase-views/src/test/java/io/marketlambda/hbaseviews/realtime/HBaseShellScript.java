package io.marketlambda.hbaseviews.realtime;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code create_namespace} and {@code create} statements of an {@code hbase shell} script of
 * the form {@code create 'ns:t', {NAME => 'f', KEY => value, ...}, SPLITS => ["\x01", ...]}; enough
 * to check {@code realtime-views.hbase}, not a Ruby parser.
 */
record HBaseShellScript(List<String> namespaces, List<Table> tables) {
  private static final Pattern COMMENT = Pattern.compile("(?m)^\\s*#.*$");
  private static final Pattern NAMESPACE = Pattern.compile("create_namespace\\s+'([^']+)'");
  private static final Pattern CREATE =
      Pattern.compile(
          "(?m)^create\\s+'([^']+)'\\s*,\\s*\\{([^}]*)\\}\\s*,\\s*SPLITS\\s*=>\\s*\\[([^\\]]*)\\]");
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=>\\s*(?:'([^']*)'|(\\d+))");
  private static final Pattern SPLIT = Pattern.compile("\"((?:\\\\x[0-9A-Fa-f]{2})+)\"");
  private static final Pattern STATEMENT = Pattern.compile("(?m)^(\\w+)");

  /** One {@code create} statement. */
  record Table(
      String name,
      String family,
      int versions,
      int ttlSeconds,
      String bloomFilter,
      String compression,
      List<byte[]> splitKeys) {}

  static HBaseShellScript parse(String text) {
    String code = COMMENT.matcher(text).replaceAll("");
    List<String> namespaces = new ArrayList<>();
    NAMESPACE.matcher(code).results().forEach(m -> namespaces.add(m.group(1)));
    List<Table> tables = new ArrayList<>();
    Matcher create = CREATE.matcher(code);
    while (create.find()) {
      tables.add(table(create.group(1), create.group(2), create.group(3)));
    }
    List<String> statements = STATEMENT.matcher(code).results().map(m -> m.group(1)).toList();
    if (statements.size() != namespaces.size() + tables.size() + 1
        || !statements.get(statements.size() - 1).equals("exit")) {
      throw new IllegalArgumentException(
          "Cannot parse HBase shell script: statements "
              + statements
              + " are not create_namespace and create, then exit");
    }
    return new HBaseShellScript(List.copyOf(namespaces), List.copyOf(tables));
  }

  Table table(String name) {
    return tables.stream()
        .filter(table -> table.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("Script creates no table " + name));
  }

  private static Table table(String name, String attributes, String splits) {
    Map<String, String> values = new LinkedHashMap<>();
    ATTRIBUTE
        .matcher(attributes)
        .results()
        .forEach(m -> values.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3)));
    List<byte[]> splitKeys = new ArrayList<>();
    SPLIT
        .matcher(splits)
        .results()
        .forEach(m -> splitKeys.add(HexFormat.of().parseHex(m.group(1).replace("\\x", ""))));
    return new Table(
        name,
        values.get("NAME"),
        Integer.parseInt(values.get("VERSIONS")),
        Integer.parseInt(values.get("TTL")),
        values.get("BLOOMFILTER"),
        values.get("COMPRESSION"),
        List.copyOf(splitKeys));
  }
}
