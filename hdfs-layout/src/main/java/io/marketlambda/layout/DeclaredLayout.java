package io.marketlambda.layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The declared layout: every directory marketlambda needs on its file system, read from {@code
 * layout.txt} beside this class (one line per directory: path, octal permission, file quota or
 * {@code -}, purpose), each parent before its children.
 *
 * @param entries the directories, parents first
 */
public record DeclaredLayout(List<LayoutEntry> entries) {
  /** Where {@code lake.root} sits, relative to the layout's base. */
  public static final String LAKE_ROOT = "marketlambda/lake";

  /** The Oozie application directory of the nightly job, relative to the layout's base. */
  public static final String OOZIE_NIGHTLY = "marketlambda/oozie/nightly";

  private static final String RESOURCE = "layout.txt";

  public DeclaredLayout {
    entries = List.copyOf(entries);
  }

  /**
   * Reads the layout shipped with this module.
   *
   * @throws IllegalStateException naming the line when the file is malformed (a broken build)
   */
  public static DeclaredLayout load() {
    try (InputStream in = DeclaredLayout.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find " + RESOURCE + " beside DeclaredLayout");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<LayoutEntry> entries = new ArrayList<>();
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (!line.isBlank() && !line.startsWith("#")) {
          entries.add(parse(line, number));
        }
      }
      return new DeclaredLayout(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /**
   * Returns the {@code lake.root} of this layout under {@code base}, e.g. {@code
   * hdfs://nn:8020/marketlambda/lake} for {@code hdfs://nn:8020}.
   */
  public static URI lakeRoot(URI base) {
    return URI.create(base.toString().replaceAll("/+$", "") + "/" + LAKE_ROOT);
  }

  private static LayoutEntry parse(String line, int number) {
    String[] fields = line.strip().split("\\s+", 4);
    try {
      if (fields.length < 4) {
        throw new IllegalArgumentException("expected path, permission, file quota and purpose");
      }
      return new LayoutEntry(
          fields[0],
          Integer.parseInt(fields[1], 8),
          fields[2].equals("-") ? 0 : Long.parseLong(fields[2]),
          fields[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot read " + RESOURCE + " line " + number + " '" + line + "': " + e.getMessage(), e);
    }
  }
}
