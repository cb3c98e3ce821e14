package org.civicportal.notification.control;

/** Fired when a transaction queues mail; the relay is woken after it commits. */
public record MailQueued(long id) {}
