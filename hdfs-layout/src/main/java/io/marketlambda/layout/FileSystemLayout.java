package io.marketlambda.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.client.HdfsAdmin;

/**
 * The {@link DeclaredLayout} on one Hadoop file system under a base URI: {@link #apply} makes it so
 * (idempotent: a second run changes nothing), {@link #verify} lists where it differs. Quotas are
 * managed on {@code hdfs} only; other file systems have none.
 */
public final class FileSystemLayout {
  private final DeclaredLayout layout;
  private final URI base;
  private final Ownership ownership;
  private final Configuration conf;

  /**
   * @param base the file system and directory the layout's paths are relative to, e.g. {@code
   *     hdfs://nn:8020} or {@code file:///srv}
   * @param hadoopSettings settings of the Hadoop file system client, on top of the {@code
   *     core-site.xml} and {@code hdfs-site.xml} found on the class path
   */
  public FileSystemLayout(
      DeclaredLayout layout, URI base, Ownership ownership, Map<String, String> hadoopSettings) {
    this.layout = layout;
    this.base = URI.create(Objects.requireNonNull(base, "base").toString().replaceAll("/+$", ""));
    this.ownership = ownership;
    this.conf = new Configuration();
    hadoopSettings.forEach(conf::set);
  }

  /**
   * Creates missing directories and sets permissions, owner, group and quotas that differ.
   *
   * @return one line per change, e.g. {@code created hdfs://nn:8020/marketlambda/lake 0750}; empty
   *     when the file system already matched
   * @throws UncheckedIOException naming the directory when the file system refuses a change (e.g.
   *     setting an owner without being a superuser)
   */
  public List<String> apply() {
    List<String> changes = new ArrayList<>();
    FileSystem fs = fileSystem();
    for (LayoutEntry entry : layout.entries()) {
      Path path = path(entry);
      FsPermission permission = new FsPermission((short) entry.permission());
      try {
        if (!fs.exists(path)) {
          fs.mkdirs(path);
          fs.setPermission(path, permission); // mkdirs applies the umask
          changes.add("created " + path + " " + entry.permissionOctal());
        } else if (!fs.getFileStatus(path).isDirectory()) {
          throw new UncheckedIOException(
              new IOException("Cannot apply the layout: " + path + " is a file, not a directory"));
        } else if (bits(fs.getFileStatus(path)) != entry.permission()) {
          changes.add(
              "chmod " + path + " " + entry.permissionOctal() + " (was " + mode(fs, path) + ")");
          fs.setPermission(path, permission);
        }
        if (ownership.managed() && !ownershipMatches(fs.getFileStatus(path))) {
          fs.setOwner(path, ownership.owner(), ownership.group());
          changes.add("chown " + path + " " + ownership.owner() + ":" + ownership.group());
        }
        if (quotasSupported() && quota(fs, path) != expectedQuota(entry)) {
          setQuota(path, entry.fileQuota());
          changes.add(
              "quota " + path + " " + (entry.fileQuota() == 0 ? "none" : entry.fileQuota()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot apply the layout at " + path + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(changes);
  }

  /**
   * Compares the file system with the layout.
   *
   * @return one line per difference, e.g. {@code missing hdfs://nn:8020/marketlambda/conf}; empty
   *     when none
   * @throws UncheckedIOException when the file system cannot be read
   */
  public List<String> verify() {
    List<String> drift = new ArrayList<>();
    FileSystem fs = fileSystem();
    for (LayoutEntry entry : layout.entries()) {
      Path path = path(entry);
      try {
        if (!fs.exists(path)) {
          drift.add("missing " + path);
          continue;
        }
        FileStatus status = fs.getFileStatus(path);
        if (!status.isDirectory()) {
          drift.add("not a directory " + path);
          continue;
        }
        if (bits(status) != entry.permission()) {
          drift.add(
              "permission "
                  + path
                  + " is "
                  + mode(fs, path)
                  + ", declared "
                  + entry.permissionOctal());
        }
        if (ownership.managed() && !ownershipMatches(status)) {
          drift.add(
              "owner "
                  + path
                  + " is "
                  + status.getOwner()
                  + ":"
                  + status.getGroup()
                  + ", declared "
                  + ownership.owner()
                  + ":"
                  + ownership.group());
        }
        if (quotasSupported() && quota(fs, path) != expectedQuota(entry)) {
          drift.add(
              "quota " + path + " is " + quota(fs, path) + ", declared " + expectedQuota(entry));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot verify the layout at " + path + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(drift);
  }

  /** Returns the {@code lake.root} this layout declares on this file system. */
  public URI lakeRoot() {
    return DeclaredLayout.lakeRoot(base);
  }

  private Path path(LayoutEntry entry) {
    return new Path(base + "/" + entry.path());
  }

  private boolean ownershipMatches(FileStatus status) {
    return (ownership.owner() == null || ownership.owner().equals(status.getOwner()))
        && (ownership.group() == null || ownership.group().equals(status.getGroup()));
  }

  private boolean quotasSupported() {
    return "hdfs".equals(base.getScheme());
  }

  /** HDFS reports "no quota" as -1. */
  private static long expectedQuota(LayoutEntry entry) {
    return entry.fileQuota() == 0 ? -1 : entry.fileQuota();
  }

  private static long quota(FileSystem fs, Path path) throws IOException {
    return fs.getQuotaUsage(path).getQuota();
  }

  private void setQuota(Path path, long fileQuota) throws IOException {
    HdfsAdmin admin = new HdfsAdmin(base, conf);
    if (fileQuota == 0) {
      admin.clearQuota(path);
    } else {
      admin.setQuota(path, fileQuota);
    }
  }

  private static String mode(FileSystem fs, Path path) throws IOException {
    return LayoutEntry.octal(bits(fs.getFileStatus(path)));
  }

  /** The permission and sticky bits, without extension flags (ACL, encryption). */
  private static int bits(FileStatus status) {
    return status.getPermission().toShort() & 01777;
  }

  private FileSystem fileSystem() {
    try {
      return FileSystem.get(base, conf);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open file system " + base + ": " + e.getMessage(), e);
    }
  }
}
