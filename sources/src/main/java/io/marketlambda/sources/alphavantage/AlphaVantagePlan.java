package io.marketlambda.sources.alphavantage;

/** The Alpha Vantage subscription of the API key ({@code alphavantage.plan}). */
public enum AlphaVantagePlan {
  /** A free key: {@code alphavantage.calls-per-day} a day (25 since 2024), 5 a minute. */
  FREE,
  /** A premium key: {@code alphavantage.calls-per-minute} a minute, no daily cap. */
  PREMIUM
}
