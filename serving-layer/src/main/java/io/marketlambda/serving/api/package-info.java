/**
 * The HTTP API and chart page ({@link io.marketlambda.serving.api.HttpApi}, described by {@code
 * /openapi.json}): API keys, rate limits per key, request ranges in New York dates or UTC instants
 * ({@link io.marketlambda.serving.api.RangeQuery}) and error answers of one line, never a stack
 * trace ({@link io.marketlambda.serving.api.ApiException}).
 */
package io.marketlambda.serving.api;
