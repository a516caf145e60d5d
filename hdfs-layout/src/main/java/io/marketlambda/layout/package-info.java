/**
 * The declared layout of the lake and the application on HDFS, ADLS or local disk. Filled by the
 * Operations issue.
 */
package io.marketlambda.layout;
