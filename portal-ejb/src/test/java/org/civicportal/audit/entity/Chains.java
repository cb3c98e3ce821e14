package org.civicportal.audit.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Audit chains for tests, and the edits that someone with write access to the table could make. */
public final class Chains {
  public static final String TENANT = "demoland";
  public static final Instant START = Instant.parse("2026-11-26T09:00:00.123Z");

  /** A stored column of {@code audit_entry}. */
  public enum Field {
    TENANT,
    SEQUENCE,
    OCCURRED_AT,
    ACTOR,
    ACTION,
    SUBJECT,
    DETAIL,
    PREVIOUS_HASH,
    HASH
  }

  private Chains() {}

  /** A valid chain of the given length in {@link #TENANT}, one entry a minute. */
  public static List<AuditEntry> of(int length) {
    List<AuditEntry> chain = new ArrayList<>();
    AuditEntry previous = null;
    for (int i = 0; i < length; i++) {
      AuditAction action = AuditAction.values()[i % AuditAction.values().length];
      previous =
          AuditEntry.append(
              previous,
              TENANT,
              START.plus(Duration.ofMinutes(i)),
              "user" + (i % 3),
              action,
              "document:" + i,
              "step " + i);
      chain.add(previous);
    }
    return chain;
  }

  /** The entry with one stored field changed to a different value, its hash left as it was. */
  public static AuditEntry edited(AuditEntry e, Field field) {
    return new AuditEntry(
        field == Field.TENANT ? e.tenant() + "x" : e.tenant(),
        field == Field.SEQUENCE ? e.sequence() + 1000 : e.sequence(),
        field == Field.OCCURRED_AT ? e.occurredAt().plusMillis(1) : e.occurredAt(),
        field == Field.ACTOR ? e.actor() + "!" : e.actor(),
        field == Field.ACTION ? otherAction(e.actionName()) : e.actionName(),
        field == Field.SUBJECT ? e.subject() + "!" : e.subject(),
        field == Field.DETAIL ? e.detail() + "!" : e.detail(),
        field == Field.PREVIOUS_HASH ? flipLast(e.previousHash()) : e.previousHash(),
        field == Field.HASH ? flipLast(e.hash()) : e.hash());
  }

  /** The entry with a new detail and a hash recomputed to match it: a careful forger's edit. */
  public static AuditEntry resealed(AuditEntry e, String detail) {
    AuditEntry changed =
        new AuditEntry(
            e.tenant(),
            e.sequence(),
            e.occurredAt(),
            e.actor(),
            e.actionName(),
            e.subject(),
            detail,
            e.previousHash(),
            null);
    return new AuditEntry(
        e.tenant(),
        e.sequence(),
        e.occurredAt(),
        e.actor(),
        e.actionName(),
        e.subject(),
        detail,
        e.previousHash(),
        changed.contentHash());
  }

  /** The entry renumbered, as by {@code UPDATE audit_entry SET sequence = ...}. */
  public static AuditEntry renumbered(AuditEntry e, long sequence) {
    return new AuditEntry(
        e.tenant(),
        sequence,
        e.occurredAt(),
        e.actor(),
        e.actionName(),
        e.subject(),
        e.detail(),
        e.previousHash(),
        e.hash());
  }

  private static String otherAction(String name) {
    AuditAction[] actions = AuditAction.values();
    return actions[(AuditAction.valueOf(name).ordinal() + 1) % actions.length].name();
  }

  private static String flipLast(String hex) {
    char last = hex.charAt(hex.length() - 1);
    return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
  }
}
