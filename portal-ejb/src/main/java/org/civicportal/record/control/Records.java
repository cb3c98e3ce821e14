package org.civicportal.record.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * The registered kinds of labelled record (every {@link RecordKind} bean), and the one way a kind
 * says that one of its records changed.
 */
@ApplicationScoped
public class Records {
  @Inject @Any Instance<RecordKind> kinds;
  @Inject Event<RecordChanged> changes;

  /** Every registered kind. */
  public List<RecordKind> all() {
    List<RecordKind> all = new ArrayList<>();
    kinds.forEach(all::add);
    return all;
  }

  /** The kind of this name, if one is registered. */
  public Optional<RecordKind> kind(String type) {
    for (RecordKind kind : kinds) {
      if (kind.type().equals(type)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind that takes a device's operation of this type. */
  public Optional<RecordKind> pushing(String opType) {
    for (RecordKind kind : kinds) {
      if (kind.pushTypes().contains(opType)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * A record of the current tenant changed: queued for the index and, for kinds devices carry,
   * written in the change log, in the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(String type, long id) {
    changes.fire(new RecordChanged(CurrentTenant.code(), type, id));
  }
}
