package io.marketlambda.layout;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One directory of the declared layout.
 *
 * @param path relative to the layout's base, {@code /}-separated, e.g. {@code marketlambda/lake}
 * @param permission POSIX permission bits, e.g. {@code 0750} (octal)
 * @param fileQuota the HDFS name quota (files and directories below, itself included), or 0 for
 *     none
 * @param purpose what the directory holds, one line
 */
public record LayoutEntry(String path, int permission, long fileQuota, String purpose) {
  private static final Pattern PATH = Pattern.compile("[a-z0-9_.-]+(/[a-z0-9_.-]+)*");

  /**
   * @throws IllegalArgumentException naming the path when it is not relative and normalized, or the
   *     permission or quota is out of range
   */
  public LayoutEntry {
    if (path == null || !PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "Cannot declare directory '" + path + "': expected a relative path like a/b_c");
    }
    if (permission < 0 || permission > 01777) {
      throw new IllegalArgumentException(
          "Cannot declare directory " + path + ": permission " + octal(permission) + " > 1777");
    }
    if (fileQuota < 0) {
      throw new IllegalArgumentException(
          "Cannot declare directory " + path + ": file quota " + fileQuota + " is negative");
    }
    Objects.requireNonNull(purpose, "purpose");
  }

  /** Returns the permission as four octal digits, e.g. {@code 0750}. */
  public String permissionOctal() {
    return octal(permission);
  }

  static String octal(int permission) {
    return String.format("%04o", permission);
  }
}
