package org.civicportal.indexing.control;

/** Fired inside a transaction that wrote to the outbox; observed after a successful commit. */
public record IndexChanged(String entityType, long entityId) {}
