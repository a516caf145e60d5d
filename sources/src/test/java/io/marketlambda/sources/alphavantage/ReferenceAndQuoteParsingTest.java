package io.marketlambda.sources.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorded GLOBAL_QUOTE, SYMBOL_SEARCH, MARKET_STATUS, LISTING_STATUS, SPLITS, DIVIDENDS. */
class ReferenceAndQuoteParsingTest {
  private static final Symbol IBM = Symbol.of("IBM");
  private static final String EXAMPLES = "portfoliotree-alphavantage/examples/";
  private static final String OLDER = "portfoliotree-alphavantage/testdata_older/";

  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();
  private final AlphaVantageParser parser = new AlphaVantageParser(BarLabel.START, quarantine);

  @Test
  void globalQuoteJsonIsALastPriceAtTheCloseOfItsTradingDay() {
    GlobalQuote quote =
        globalQuote(
            IBM,
            AlphaVantageRequest.of(AlphaVantageFunction.GLOBAL_QUOTE, IBM),
            "crazzyghost-alphavantage-java/timeseries_globalquote.json");

    assertThat(quote.quote().priceUsd()).isEqualTo(121.74);
    // 16:00 New York on 2020-05-08 (EDT) is 20:00 UTC.
    assertThat(quote.quote().eventTime()).isEqualTo(Instant.parse("2020-05-08T20:00:00Z"));
    assertThat(quote.quote().sizeShares()).isZero();
    assertThat(quote.quote().source()).isEqualTo("alpha-vantage");
    assertThat(quote.latestTradingDay()).isEqualTo(LocalDate.of(2020, 5, 8));
    assertThat(quote.previousCloseUsd()).isEqualTo(121.23);
    assertThat(quote.changePercent()).isEqualTo(0.4207);
    assertThat(quote.volumeShares()).isEqualTo(2_528_814);
    // The day's volume so far orders quotes fetched during one day.
    assertThat(quote.quote().sequence()).isEqualTo(2_528_814);
  }

  @Test
  void globalQuoteOfMsftHasANegativeChange() {
    Symbol msft = Symbol.of("MSFT");
    GlobalQuote quote =
        globalQuote(
            msft,
            AlphaVantageRequest.of(AlphaVantageFunction.GLOBAL_QUOTE, msft),
            "romeltorres-alpha_vantage/global_quote_MSFT.json");

    assertThat(quote.quote().priceUsd()).isEqualTo(112.13);
    assertThat(quote.changeUsd()).isEqualTo(-0.66);
    assertThat(quote.changePercent()).isEqualTo(-0.5852);
  }

  @Test
  void globalQuoteCsvUsesCamelCaseHeaders() {
    AlphaVantageRequest request =
        AlphaVantageRequest.of(AlphaVantageFunction.GLOBAL_QUOTE, IBM).asCsv();
    GlobalQuote may = globalQuote(IBM, request, EXAMPLES + "GLOBAL_QUOTE_db7544f0.csv");
    GlobalQuote november = globalQuote(IBM, request, OLDER + "global_quote_IBM.csv");

    assertThat(may.quote().priceUsd()).isEqualTo(219.3);
    assertThat(may.quote().eventTime()).isEqualTo(Instant.parse("2026-05-15T20:00:00Z"));
    // 2025-11-14 is in EST: 16:00 is 21:00 UTC.
    assertThat(november.quote().eventTime()).isEqualTo(Instant.parse("2025-11-14T21:00:00Z"));
    assertThat(november.openUsd()).isEqualTo(300.0);
  }

  @Test
  void symbolSearchJsonAndCsvGiveTheSameTescoMatches() {
    List<SymbolMatch> json =
        matches("tesco", "crazzyghost-alphavantage-java/symbol_search_tesco.json", DataType.JSON);
    List<SymbolMatch> csv = matches("tesco", EXAMPLES + "SYMBOL_SEARCH_c3e00cd4.csv", DataType.CSV);

    assertThat(json).isEqualTo(csv);
    assertThat(json).hasSize(5);
    assertThat(json.get(0))
        .isEqualTo(
            new SymbolMatch(
                "TSCO.LON",
                "Tesco PLC",
                "Equity",
                "United Kingdom",
                "08:00",
                "16:30",
                "UTC+01",
                "GBX",
                0.7273));
    assertThat(matches("tesco", "asmarques-alphavantage/ticker_search_tesco.json", DataType.JSON))
        .isEqualTo(json);
    assertThat(
            matches("tencent", "asmarques-alphavantage/ticker_search_tencent.json", DataType.JSON))
        .extracting(SymbolMatch::symbol)
        .startsWith("NNND.FRK")
        .endsWith("63TA.FRK")
        .hasSize(6);
    assertThat(matches("BA", "romeltorres-alpha_vantage/symbol_search_BA.json", DataType.JSON))
        .hasSize(10)
        .first()
        .satisfies(match -> assertThat(match.matchScore()).isEqualTo(1.0));
    assertThat(matches("BA", OLDER + "search_results.csv", DataType.CSV))
        .extracting(SymbolMatch::type)
        .contains("Mutual Fund", "ETF")
        .hasSize(10);
  }

  @Test
  void marketStatusListsSixteenMarkets() {
    AlphaVantageRequest request = AlphaVantageRequest.marketStatus();
    List<MarketStatus> recent =
        parser
            .parseMarketStatus(
                request, RecordedResponses.read(EXAMPLES + "MARKET_STATUS_b3880d61.json"), "m")
            .records();
    List<MarketStatus> older =
        parser
            .parseMarketStatus(
                request,
                RecordedResponses.read("crazzyghost-alphavantage-java/market_status.json"),
                "m")
            .records();

    assertThat(recent).hasSize(16);
    assertThat(recent).filteredOn(MarketStatus::open).hasSize(1);
    assertThat(older).filteredOn(MarketStatus::open).hasSize(9);
    assertThat(recent.get(0))
        .isEqualTo(
            new MarketStatus(
                "Equity",
                "United States",
                "NASDAQ, NYSE, AMEX, BATS",
                "09:30",
                "16:15",
                false,
                ""));
  }

  @Test
  void listingStatusWithoutTrailingNewlineKeepsEveryRow() {
    List<Listing> listings =
        parser
            .parseListings(
                AlphaVantageRequest.listingStatus(),
                RecordedResponses.read(OLDER + "listing_status.csv"),
                "l")
            .records();

    assertThat(listings).hasSize(8);
    assertThat(listings.get(0))
        .isEqualTo(
            new Listing(
                "A",
                "Agilent Technologies Inc",
                "NYSE",
                "Stock",
                LocalDate.of(1999, 11, 18),
                null,
                "Active"));
    assertThat(listings.get(7).symbol()).isEqualTo("AACG");
    assertThat(listings).allMatch(listing -> listing.delisted().isEmpty());
  }

  @Test
  void splitsAndDividendsBecomeCorporateActions() {
    List<CorporateAction> splits =
        parser
            .parseCorporateActions(
                AlphaVantageRequest.of(AlphaVantageFunction.SPLITS, IBM).asCsv(),
                RecordedResponses.read(EXAMPLES + "SPLITS_358e2618.csv"),
                "s")
            .records();
    List<CorporateAction> dividends =
        parser
            .parseCorporateActions(
                AlphaVantageRequest.of(AlphaVantageFunction.DIVIDENDS, IBM).asCsv(),
                RecordedResponses.read(EXAMPLES + "DIVIDENDS_5b9f5d9f.csv"),
                "d")
            .records();

    assertThat(splits)
        .containsExactly(
            CorporateAction.split(IBM, LocalDate.of(2021, 11, 4), 1.046, "alpha-vantage"),
            CorporateAction.split(IBM, LocalDate.of(1999, 5, 27), 2.0, "alpha-vantage"));
    // Old rows have "None" for the declaration, record and payment dates, which are not needed.
    assertThat(dividends).hasSize(110);
    assertThat(dividends.get(0))
        .isEqualTo(
            CorporateAction.cashDividend(IBM, LocalDate.of(2026, 5, 8), 1.69, "alpha-vantage"));
    assertThat(dividends.get(109))
        .isEqualTo(
            CorporateAction.cashDividend(IBM, LocalDate.of(1999, 2, 8), 0.22, "alpha-vantage"));
    // The daily adjusted series of 2024 shows its only dividend, 1.67, on 2024-11-12.
    assertThat(dividends)
        .contains(
            CorporateAction.cashDividend(IBM, LocalDate.of(2024, 11, 12), 1.67, "alpha-vantage"));
    assertThat(quarantine.records()).isEmpty();
  }

  private GlobalQuote globalQuote(Symbol symbol, AlphaVantageRequest request, String file) {
    List<GlobalQuote> quotes =
        parser.parseGlobalQuote(request, RecordedResponses.read(file), file).records();
    assertThat(quotes).hasSize(1);
    assertThat(quotes.get(0).quote().symbol()).isEqualTo(symbol);
    return quotes.get(0);
  }

  private List<SymbolMatch> matches(String keywords, String file, DataType type) {
    AlphaVantageRequest request = AlphaVantageRequest.symbolSearch(keywords);
    return parser
        .parseSymbolMatches(
            type == DataType.CSV ? request.asCsv() : request, RecordedResponses.read(file), file)
        .records();
  }
}
