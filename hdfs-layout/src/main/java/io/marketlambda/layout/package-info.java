/**
 * The declared layout of the lake and the application on HDFS, ADLS or local disk ({@link
 * io.marketlambda.layout.DeclaredLayout}, read from {@code layout.txt}), and its apply and verify
 * on a Hadoop file system ({@link io.marketlambda.layout.FileSystemLayout}).
 */
package io.marketlambda.layout;
