package io.marketlambda.core.lake;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where everything in the lake lives, derived from {@code lake.root}; no other code builds lake
 * paths. Under the root:
 *
 * <pre>
 * bronze/quotes, bronze/bars, ...   Delta tables, one directory per layer ({@link #table})
 * _checkpoints/&lt;query&gt;             Spark streaming checkpoints ({@link #checkpoint})
 * quarantine/&lt;source&gt;              records rejected as invalid data ({@link #quarantine})
 * batch_runs                        Delta table of batch runs and per-symbol batch watermarks
 * _staging/&lt;purpose&gt;             files on their way into another system ({@link #staging})
 * _locks/&lt;name&gt;.lock              a lock a process holds on the lake ({@link #lock})
 * </pre>
 *
 * @param root the lake root: an absolute {@code file}, {@code hdfs} or {@code abfss} URI without a
 *     trailing slash, e.g. {@code hdfs://nn:8020/lake} or {@code
 *     abfss://container@account.dfs.core.windows.net/lake}
 */
public record LakeLayout(URI root) {
  private static final List<String> SCHEMES = List.of("file", "hdfs", "abfss");
  private static final Pattern URI_TEXT = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]+:.*");
  private static final Pattern QUERY_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  /**
   * Validates the root and drops trailing slashes, so {@code hdfs://nn:8020/lake/} and {@code
   * hdfs://nn:8020/lake} are the same layout.
   *
   * @throws IllegalArgumentException naming {@code lake.root} and the value when the root is null,
   *     has another scheme, no absolute path, a query or fragment, or is a file-system root
   */
  public LakeLayout {
    if (root == null) {
      throw rejected("null", "is missing");
    }
    String scheme = root.getScheme();
    if (scheme == null || !SCHEMES.contains(scheme)) {
      throw rejected(root, "scheme '" + scheme + "' is not one of " + SCHEMES);
    }
    if (root.isOpaque() || !root.getPath().startsWith("/")) {
      throw rejected(root, "has no absolute path");
    }
    if (root.getQuery() != null || root.getFragment() != null) {
      throw rejected(root, "has a query or fragment");
    }
    root = root.normalize();
    if (root.getPath().matches("/*")) {
      throw rejected(root, "is a file-system root; use a directory below it");
    }
    root = URI.create(root.toString().replaceAll("/+$", ""));
  }

  /**
   * Returns the layout for a {@code lake.root} value: a {@code file:}, {@code hdfs:} or {@code
   * abfss:} URI, or a plain local path, absolute or relative to the working directory, which
   * becomes an absolute {@code file:} URI.
   *
   * @throws IllegalArgumentException naming {@code lake.root} and the value when it is blank, not a
   *     valid URI or path, or rejected by {@link #LakeLayout(URI)}
   */
  public static LakeLayout of(String root) {
    if (root == null || root.isBlank()) {
      throw rejected(String.valueOf(root), "is blank");
    }
    String text = root.strip();
    try {
      return URI_TEXT.matcher(text).matches()
          ? new LakeLayout(new URI(text))
          : new LakeLayout(Path.of(text).toAbsolutePath().normalize().toUri());
    } catch (URISyntaxException | InvalidPathException e) {
      throw new IllegalArgumentException(message(text, "is not a valid URI or path"), e);
    }
  }

  /**
   * Returns the directory of a layer, the location of its Spark SQL database: {@code root/gold}.
   */
  public URI database(Layer layer) {
    return child(layer.databaseName());
  }

  /**
   * Returns the directory of a Delta table: {@code root/<layer>/<table>}, e.g. {@code
   * root/bronze/quotes}.
   */
  public URI table(LakeTable table) {
    return child(table.layer().databaseName(), table.tableName());
  }

  /**
   * Returns the checkpoint directory of a streaming query: {@code root/_checkpoints/<queryName>}.
   *
   * @param queryName the query's stable name, {@code [a-z0-9][a-z0-9_-]*}, e.g. {@code bars-1m}
   * @throws IllegalArgumentException when {@code queryName} is not such a name
   */
  public URI checkpoint(String queryName) {
    requireMatch(QUERY_NAME, queryName, "checkpoint", "query name");
    return child("_checkpoints", queryName);
  }

  /**
   * Returns the quarantine directory of a source of rejected records: {@code
   * root/quarantine/<source>}.
   *
   * @param source a lower-case token {@code [a-z0-9][a-z0-9._-]*}, e.g. {@code lean-tick}
   * @throws IllegalArgumentException when {@code source} is not such a token
   */
  public URI quarantine(String source) {
    requireMatch(SOURCE_NAME, source, "quarantine", "source");
    return child("quarantine", source);
  }

  /**
   * Returns a staging directory for files that another system then takes in (the HFiles of the
   * batch serving copy before HBase bulk-loads them): {@code root/_staging/<purpose>}.
   *
   * @param purpose a lower-case token {@code [a-z0-9][a-z0-9._-]*}, e.g. {@code hfiles}
   * @throws IllegalArgumentException when {@code purpose} is not such a token
   */
  public URI staging(String purpose) {
    requireMatch(SOURCE_NAME, purpose, "staging", "purpose");
    return child("_staging", purpose);
  }

  /**
   * Returns the file a process holds to work on the lake alone: {@code root/_locks/<name>.lock}
   * (the nightly run's: {@code batch-run}).
   *
   * @param name a lower-case token {@code [a-z0-9][a-z0-9._-]*}
   * @throws IllegalArgumentException when {@code name} is not such a token
   */
  public URI lock(String name) {
    requireMatch(SOURCE_NAME, name, "lock", "name");
    return child("_locks", name + ".lock");
  }

  /**
   * Returns the Delta table of batch-run records with per-symbol batch watermarks: {@code
   * root/batch_runs}.
   */
  public URI batchRuns() {
    return child("batch_runs");
  }

  /**
   * Returns every fixed directory of the layout, each parent before its children: the root, each
   * layer and its tables, {@code _checkpoints}, {@code quarantine} and {@code batch_runs}.
   */
  public List<URI> allDirectories() {
    List<URI> directories = new ArrayList<>(List.of(root));
    for (Layer layer : Layer.values()) {
      directories.add(database(layer));
      for (LakeTable table : LakeTable.values()) {
        if (table.layer() == layer) {
          directories.add(table(table));
        }
      }
    }
    directories.addAll(List.of(child("_checkpoints"), child("quarantine"), batchRuns()));
    return List.copyOf(directories);
  }

  private URI child(String... segments) {
    return URI.create(root + "/" + String.join("/", segments));
  }

  private static void requireMatch(Pattern pattern, String name, String thing, String what) {
    if (name == null || !pattern.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Cannot locate " + thing + ": " + what + " '" + name + "' does not match " + pattern);
    }
  }

  private static IllegalArgumentException rejected(Object root, String why) {
    return new IllegalArgumentException(message(root, why));
  }

  private static String message(Object root, String why) {
    return "Cannot use lake.root '" + root + "': " + why;
  }
}
