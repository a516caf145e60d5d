/**
 * The speed layer's per-symbol state, plain Java: {@link io.marketlambda.speed.state.SymbolViews}
 * updates a symbol's bars, indicators and alerts one event at a time with the definitions of {@link
 * io.marketlambda.views} that the batch layer also uses.
 */
package io.marketlambda.speed.state;
