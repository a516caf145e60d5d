package io.marketlambda.layout;

/**
 * The owner and group the layout's directories should have; either may be null, meaning it is not
 * managed (left as the file system sets it). Setting them on HDFS takes a superuser.
 *
 * @param owner a user name, or null
 * @param group a group name, or null
 */
public record Ownership(String owner, String group) {
  /** Neither owner nor group managed. */
  public static final Ownership UNMANAGED = new Ownership(null, null);

  /** Returns whether either is managed. */
  public boolean managed() {
    return owner != null || group != null;
  }
}
