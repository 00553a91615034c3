/**
 * How event bodies and intake payloads are compressed: zstd with a dictionary trained from the installation's own
 * events, kept in the database so that every instance reads every body. Depends on nothing else in Faultline.
 */
package dev.faultline.compression;
