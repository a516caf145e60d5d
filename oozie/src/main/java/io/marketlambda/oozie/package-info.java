/** Oozie scheduling of the nightly recompute. Filled by the Operations issue. */
package io.marketlambda.oozie;
