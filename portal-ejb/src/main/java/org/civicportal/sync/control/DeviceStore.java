package org.civicportal.sync.control;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.civicportal.sync.control.SyncFeed.Entry;
import org.civicportal.sync.control.SyncFeed.Held;
import org.civicportal.sync.control.SyncFeed.Item;
import org.civicportal.sync.entity.Device;
import org.civicportal.sync.entity.DeviceHolding;
import org.civicportal.sync.entity.SyncChange;

/**
 * The change log and one device's holdings, in the database, for {@link SyncFeed}. The holdings are
 * read once per pull as plain values (one range scan of the key, no managed entities for the commit
 * to compare); a new one is inserted, a changed one updated by its key.
 */
public final class DeviceStore implements SyncFeed.Store {
  private final EntityManager em;
  private final ChangeLog log;
  private final String tenant;
  private final Device device;
  private final Consumer<Item> onRevoke;
  private Map<Item, Holding> rows;

  /** What the device was given of a record, and at which version. */
  private record Holding(Held held, long version) {}

  public DeviceStore(
      EntityManager em, ChangeLog log, String tenant, Device device, Consumer<Item> onRevoke) {
    this.em = em;
    this.log = log;
    this.tenant = tenant;
    this.device = device;
    this.onRevoke = onRevoke;
  }

  @Override
  public List<Entry> after(long seq, int max) {
    // plain values: no entity for the commit to compare
    return em
        .createNamedQuery(SyncChange.AFTER, Object[].class)
        .setParameter("tenant", tenant)
        .setParameter("after", seq)
        .setParameter("device", device.id())
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(
            c ->
                new Entry(
                    ((Number) c[0]).longValue(),
                    new Item((String) c[1], ((Number) c[2]).longValue())))
        .toList();
  }

  @Override
  public long appendForDevice(Item item) {
    return log.forDevice(device.id(), item.type(), item.id());
  }

  @Override
  public Map<Item, Held> holdings() {
    Map<Item, Held> holdings = new HashMap<>();
    rows().forEach((item, h) -> holdings.put(item, h.held()));
    return holdings;
  }

  @Override
  public Map<Item, Held> holdingsOf(java.util.Collection<Item> items) {
    Map<Item, Holding> all = rows();
    Map<Item, Held> some = new HashMap<>();
    for (Item item : items) {
      Holding h = all.get(item);
      if (h != null) {
        some.put(item, h.held());
      }
    }
    return some;
  }

  private Map<Item, Holding> rows() {
    if (rows == null) {
      rows = new HashMap<>();
      for (Object[] row :
          em.createNamedQuery(DeviceHolding.VALUES_OF_DEVICE, Object[].class)
              .setParameter("device", device.id())
              .getResultList()) {
        rows.put(
            new Item((String) row[0], ((Number) row[1]).longValue()),
            new Holding(
                Held.valueOf(((DeviceHolding.State) row[2]).name()),
                ((Number) row[3]).longValue()));
      }
    }
    return rows;
  }

  @Override
  public void hold(Item item, Held held, long version) {
    Holding now = new Holding(held, version);
    Holding before = rows().get(item);
    if (now.equals(before)) {
      return;
    }
    DeviceHolding.State state = DeviceHolding.State.valueOf(held.name());
    if (before == null) {
      em.persist(new DeviceHolding(device.id(), item.type(), item.id(), state, version));
    } else {
      em.createNamedQuery(DeviceHolding.SET)
          .setParameter("device", device.id())
          .setParameter("type", item.type())
          .setParameter("id", item.id())
          .setParameter("state", state)
          .setParameter("version", version)
          .executeUpdate();
    }
    rows.put(item, now);
  }

  @Override
  public void revoked(Item item) {
    onRevoke.accept(item);
  }

  @Override
  public Optional<String> scopePrint() {
    return device.scopePrint();
  }

  @Override
  public void scopePrint(String print) {
    device.scopePrint(print);
  }
}
