/**
 * The lake layout: the one definition of every path and table name under {@code lake.root}. {@link
 * io.marketlambda.core.lake.LakeLayout} derives locations, {@link
 * io.marketlambda.core.lake.LakeTable} names the Delta tables of each {@link
 * io.marketlambda.core.lake.Layer}.
 */
package io.marketlambda.core.lake;
