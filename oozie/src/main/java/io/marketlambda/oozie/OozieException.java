package io.marketlambda.oozie;

/**
 * An Oozie application that does not validate, job properties that cannot be submitted, or an Oozie
 * server that refused or did not answer. The message says what and why in one line.
 */
public final class OozieException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OozieException(String message) {
    super(message);
  }

  OozieException(String message, Throwable cause) {
    super(message, cause);
  }
}
