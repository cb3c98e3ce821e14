package org.civicportal.audit.control;

import java.time.Instant;

/**
 * One signed checkpoint of a tenant's audit chain, as read from its anchor file: at {@code at} the
 * chain's newest entry was {@code sequence}, with {@code hash}.
 *
 * @param line where the checkpoint stands in the anchor file, counted from 1
 */
public record Checkpoint(long sequence, String hash, Instant at, long line) {}
