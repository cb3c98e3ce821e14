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
  public Map<Item, Long> latestAfter(long seq) {
    Map<Item, Long> latest = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery(SyncChange.LATEST_OF, Object[].class)
            .setParameter("tenant", tenant)
            .setParameter("after", seq)
            .getResultList()) {
      latest.put(new Item((String) row[0], ((Number) row[1]).longValue()), (Long) row[2]);
    }
    return latest;
  }

  @Override
  public long appendForDevice(Item item) {
    return log.forDevice(device.id(), item.type(), item.id());
  }

  @Override
  public Map<Item, Held> holdings() {
    if (rows == null) {
      rows = new HashMap<>();
      for (DeviceHolding h :
          em.createNamedQuery(DeviceHolding.OF_DEVICE, DeviceHolding.class)
              .setParameter("device", device.id())
              .getResultList()) {
        rows.put(new Item(h.itemType(), h.itemId()), h);
      }
    }
    Map<Item, Held> holdings = new HashMap<>();
    rows.forEach((item, h) -> holdings.put(item, Held.valueOf(h.state().name())));
    return holdings;
  }

  @Override
  public void hold(Item item, Held held, long version) {
    DeviceHolding.State state = DeviceHolding.State.valueOf(held.name());
    holdings();
    DeviceHolding h = rows.get(item);
    if (h == null) {
      h = new DeviceHolding(device.id(), item.type(), item.id(), state, version);
      em.persist(h);
      rows.put(item, h);
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
