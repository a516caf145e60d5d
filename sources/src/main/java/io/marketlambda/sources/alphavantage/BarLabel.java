package io.marketlambda.sources.alphavantage;

/**
 * Which instant of an intraday bar Alpha Vantage's timestamp names. Captures from 2018-2020 label
 * bars by their END (the 09:30-09:31 bar reads {@code 09:31:00}, the last regular bar {@code
 * 16:00:00}); 2026 captures label them by their START (the last extended-hours 5-minute bar reads
 * {@code 19:55:00}). The response does not say which, so the parser is told, never guesses: config
 * key {@code alphavantage.intraday-label}, default {@link #START}, what the API serves today.
 * Daily, weekly and monthly series are dated, not timed, and ignore this setting.
 */
public enum BarLabel {
  /** The timestamp is the bar's first instant, as marketlambda labels bars. */
  START,
  /** The timestamp is the bar's end (exclusive): the start is one interval earlier. */
  END
}
