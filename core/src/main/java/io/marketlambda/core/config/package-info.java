/**
 * Configuration: {@link io.marketlambda.core.config.ConfigKey} (name, default, description,
 * parser), {@link io.marketlambda.core.config.Settings} (the raw key-value pairs from a properties
 * file and {@code --conf key=value} overrides) and the typed, immutable config records of what core
 * owns. Every failure is a {@link io.marketlambda.core.config.ConfigException} naming the key and
 * value.
 */
package io.marketlambda.core.config;
