package org.civicportal.record.control;

/**
 * A labelled record of the current tenant changed (or appeared, or went), in the transaction that
 * fires this: the index's outbox and, for kinds devices carry, the change log observe it and write
 * their rows in the same transaction.
 */
public record RecordChanged(String tenant, String type, long id) {}
