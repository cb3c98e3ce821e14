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

/** The change log and one device's holdings, in the database, for {@link SyncFeed}. */
public final class DeviceStore implements SyncFeed.Store {
  private final EntityManager em;
  private final ChangeLog log;
  private final String tenant;
  private final Device device;
  private final Consumer<Item> onRevoke;
  private Map<Item, DeviceHolding> rows;
  private final Map<Item, DeviceHolding> some = new HashMap<>();

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
    return em
        .createNamedQuery(SyncChange.AFTER, SyncChange.class)
        .setParameter("tenant", tenant)
        .setParameter("after", seq)
        .setParameter("device", device.id())
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(c -> new Entry(c.seq(), new Item(c.itemType(), c.itemId())))
        .toList();
  }

  @Override
  public long appendForDevice(Item item) {
    return log.forDevice(device.id(), item.type(), item.id());
  }

  @Override
  public Map<Item, Held> holdings() {
    Map<Item, Held> holdings = new HashMap<>();
    rows().forEach((item, h) -> holdings.put(item, Held.valueOf(h.state().name())));
    return holdings;
  }

  /** Only the rows of these records: a pull need not load everything a device holds. */
  @Override
  public Map<Item, Held> holdingsOf(java.util.Collection<Item> items) {
    Map<Item, Held> holdings = new HashMap<>();
    if (rows != null) {
      for (Item item : items) {
        DeviceHolding h = rows.get(item);
        if (h != null) {
          holdings.put(item, Held.valueOf(h.state().name()));
        }
      }
      return holdings;
    }
    // one query per type, so the database looks each id up in the primary key
    Map<String, List<Long>> byType = new HashMap<>();
    for (Item item : items) {
      byType.computeIfAbsent(item.type(), t -> new java.util.ArrayList<>()).add(item.id());
    }
    for (Map.Entry<String, List<Long>> type : byType.entrySet()) {
      for (DeviceHolding h :
          em.createNamedQuery(DeviceHolding.OF_DEVICE_AMONG, DeviceHolding.class)
              .setParameter("device", device.id())
              .setParameter("type", type.getKey())
              .setParameter("ids", type.getValue().stream().distinct().toList())
              .getResultList()) {
        Item item = new Item(h.itemType(), h.itemId());
        some.put(item, h);
        holdings.put(item, Held.valueOf(h.state().name()));
      }
    }
    return holdings;
  }

  private Map<Item, DeviceHolding> rows() {
    if (rows == null) {
      rows = new HashMap<>();
      for (DeviceHolding h :
          em.createNamedQuery(DeviceHolding.OF_DEVICE, DeviceHolding.class)
              .setParameter("device", device.id())
              .getResultList()) {
        rows.put(new Item(h.itemType(), h.itemId()), h);
      }
    }
    return rows;
  }

  @Override
  public void hold(Item item, Held held, long version) {
    DeviceHolding.State state = DeviceHolding.State.valueOf(held.name());
    DeviceHolding h = rows != null ? rows.get(item) : some.get(item);
    if (h == null) {
      h = new DeviceHolding(device.id(), item.type(), item.id(), state, version);
      em.persist(h);
      (rows != null ? rows : some).put(item, h);
    } else if (h.state() != state || h.version() != version) {
      h.set(state, version);
    }
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
