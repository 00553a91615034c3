/**
 * The plumbing of background work that several features share: their worker threads' lifecycle, and the wake-up
 * signal a worker waits on between polls. Depends on nothing else in Faultline.
 */
package dev.faultline.work;
