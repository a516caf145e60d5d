package io.marketlambda.sources.alphavantage;

/** The {@code datatype=} of a response. */
public enum DataType {
  JSON("json"),
  CSV("csv");

  private final String apiValue;

  DataType(String apiValue) {
    this.apiValue = apiValue;
  }

  /** Returns the API's spelling, {@code json} or {@code csv}. */
  public String apiValue() {
    return apiValue;
  }
}
