package org.civicportal.sync.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.identity.control.Subject;
import org.civicportal.record.control.DeviceView;
import org.civicportal.record.control.RecordKind;
import org.civicportal.record.control.Records;
import org.civicportal.record.control.Standing;
import org.civicportal.sync.control.SyncFeed.Item;

/**
 * What one device may hold, asked of every registered kind of record devices carry: each kind
 * decides, through the one policy ({@code ClearancePolicy.mayHold}), where its records stand for
 * the device, and which of them it may hold. A record of a kind nobody registered stands outside.
 */
public final class DeviceScope implements SyncFeed.Scope {
  private final Records records;
  private final DeviceView device;
  private final Map<Item, Standing> read = new HashMap<>();

  public DeviceScope(Records records, DeviceView device) {
    this.records = records;
    this.device = device;
  }

  /** Whether the device may hold a record with this label (for pushes). */
  public boolean mayHold(Label label) {
    return device.mayHold(label);
  }

  public DeviceView device() {
    return device;
  }

  public Subject user() {
    return device.user();
  }

  /** Reads a batch of records kind by kind, so a pull of thousands is a few queries. */
  @Override
  public void prefetch(Collection<Item> items) {
    read.clear();
    items.stream()
        .collect(
            Collectors.groupingBy(Item::type, Collectors.mapping(Item::id, Collectors.toSet())))
        .forEach(
            (type, ids) -> {
              Map<Long, Standing> standings =
                  records
                      .kind(type)
                      .filter(RecordKind::synced)
                      .map(kind -> kind.standings(device, ids))
                      .orElse(Map.of());
              // a record its kind did not answer for is gone, or of no kind: outside
              ids.forEach(
                  id ->
                      read.put(
                          new Item(type, id), standings.getOrDefault(id, new Standing.Outside())));
            });
  }

  @Override
  public Standing standing(Item item) {
    Standing known = read.get(item);
    if (known != null) {
      return known;
    }
    Standing standing =
        records
            .kind(item.type())
            .filter(RecordKind::synced)
            .map(kind -> kind.standings(device, List.of(item.id())).get(item.id()))
            .orElse(null);
    return standing != null ? standing : new Standing.Outside();
  }

  @Override
  public Collection<Item> holdable() {
    List<Item> items = new ArrayList<>();
    for (RecordKind kind : records.all()) {
      if (kind.synced()) {
        kind.holdable(device).forEach(id -> items.add(new Item(kind.type(), id)));
      }
    }
    return items;
  }

  @Override
  public String print() {
    StringBuilder s = new StringBuilder();
    s.append(Marking.format(device.accreditation())).append('|');
    device
        .user()
        .clearance()
        .ifPresent(
            c -> s.append(c.level()).append(c.compartments()).append(c.nationality()).append('|'));
    s.append(new TreeSet<>(device.user().roles().stream().map(Enum::name).toList())).append('|');
    s.append(new TreeSet<>(device.user().agencies()));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
