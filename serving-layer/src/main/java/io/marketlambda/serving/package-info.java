/**
 * Serving layer: answers queries by merging batch views up to the batch watermark with realtime
 * views after it. Filled by the Serving layer issue.
 */
package io.marketlambda.serving;
