package io.marketlambda.sources.alphavantage;

/** What a non-data body (served with HTTP 200) means for the caller. */
public enum NonDataKind {
  /** {@code Error Message}, or the demo key used beyond its demo: never retry, fix the request. */
  INVALID_REQUEST,
  /** The per-minute call frequency was exceeded: back off and retry. */
  RATE_LIMITED,
  /** The daily quota is spent: stop for the day. */
  DAILY_QUOTA_EXHAUSTED,
  /** A premium endpoint called with a free key, including sample bodies labelled artificial. */
  PREMIUM_ONLY,
  /** A non-data body this client does not recognise: not retried, surfaced with its text. */
  UNKNOWN_NON_DATA
}
