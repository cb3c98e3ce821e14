package org.civicportal.sync.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.civicportal.sync.control.SyncFeed.Change;
import org.civicportal.sync.control.SyncFeed.Held;
import org.civicportal.sync.control.SyncFeed.Item;
import org.civicportal.sync.control.SyncFeed.Op;
import org.civicportal.sync.control.SyncFeed.Page;
import org.civicportal.sync.control.SyncWorld.Mark;
import org.junit.jupiter.api.Test;

class SyncFeedTest {

  @Test
  void deviceAccreditedBelowItsUserNeverGetsARecordAboveItsAccreditation() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    Item one = world.createDocument(Mark.of(1));
    Item two = world.createDocument(Mark.of(2));
    Item three = world.createDocument(Mark.of(3));
    SimulatedDevice device = new SimulatedDevice(world.newDevice(Mark.of(2)));

    Page page = device.pull(50);

    assertThat(page.changes()).extracting(Change::item).containsExactly(one, two);
    assertThat(page.changes()).extracting(Change::op).containsOnly(Op.UPSERT);
    assertThat(page.changes()).extracting(Change::item).doesNotContain(three);
    assertThat(device.kept()).containsOnlyKeys(one, two);
    assertThat(device.server.recordedHoldings()).doesNotContainKey(three);
  }

  @Test
  void aHiddenRecordEditedLaterIsStillNeverMentioned() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    Item secret = world.createDocument(Mark.of(3));
    SimulatedDevice device = new SimulatedDevice(world.newDevice(Mark.of(2)));
    device.pull(50);
    world.edit(secret);
    world.relabel(secret, Mark.of(3, "A"));

    Page page = device.pull(50);

    assertThat(page.changes()).isEmpty();
    assertThat(page.cursor()).isEqualTo(world.last());
  }

  @Test
  void raisingAHeldRecordAboveTheDeviceRevokesItOnTheNextPull() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    Item doc = world.createDocument(Mark.of(2));
    SimulatedDevice device = new SimulatedDevice(world.newDevice(Mark.of(2)));
    device.pull(50);
    world.relabel(doc, Mark.of(3));

    Page page = device.pull(50);

    assertThat(page.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.item()).isEqualTo(doc);
              assertThat(c.op()).isEqualTo(Op.REVOKE);
              assertThat(c.classification()).isEmpty();
              assertThat(c.data()).isNull();
            });
    assertThat(device.kept()).isEmpty();
    assertThat(device.server.recordedHoldings()).containsEntry(doc, Held.REVOKED);
    assertThat(device.server.audited()).containsExactly(doc);
  }

  @Test
  void loweringTheAccreditationRevokesExactlyTheHeldRecordsAboveIt() {
    SyncWorld world = new SyncWorld(Mark.of(3, "A", "B"));
    Item zero = world.createDocument(Mark.of(0));
    Item one = world.createDocument(Mark.of(1, "A"));
    Item two = world.createDocument(Mark.of(2));
    Item three = world.createDocument(Mark.of(3, "A"));
    Item neverHeld = world.createDocument(Mark.of(2, "B"));
    SyncWorld.Device server = world.newDevice(Mark.of(3, "A"));
    SimulatedDevice device = new SimulatedDevice(server);
    device.pull(50);
    long cursor = device.cursor();
    server.accreditation(Mark.of(1, "A"));

    Page page = device.pull(50);

    assertThat(page.changes()).extracting(Change::item).containsExactlyInAnyOrder(two, three);
    assertThat(page.changes()).extracting(Change::op).containsOnly(Op.REVOKE);
    assertThat(page.changes()).allSatisfy(c -> assertThat(c.seq()).isGreaterThan(cursor));
    assertThat(page.changes()).extracting(Change::item).doesNotContain(neverHeld);
    assertThat(device.kept()).containsOnlyKeys(zero, one);
    assertThat(server.audited()).containsExactlyInAnyOrder(two, three);
  }

  @Test
  void loweringTheUsersClearanceRevokesOnEveryDeviceOfTheUser() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    Item two = world.createDocument(Mark.of(2));
    SimulatedDevice phone = new SimulatedDevice(world.newDevice(Mark.of(3)));
    SimulatedDevice tablet = new SimulatedDevice(world.newDevice(Mark.of(2)));
    phone.pull(50);
    tablet.pull(50);
    world.clearance(Mark.of(1));

    Page onPhone = phone.pull(50);
    Page onTablet = tablet.pull(50);

    assertThat(onPhone.changes())
        .extracting(Change::item, Change::op)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(two, Op.REVOKE));
    assertThat(onTablet.changes())
        .extracting(Change::item, Change::op)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(two, Op.REVOKE));
  }

  @Test
  void raisingTheAccreditationDeliversRecordsWhoseRowsAreBeforeTheCursor() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    Item one = world.createDocument(Mark.of(1));
    Item two = world.createDocument(Mark.of(2));
    Item three = world.createDocument(Mark.of(3));
    SyncWorld.Device server = world.newDevice(Mark.of(1));
    SimulatedDevice device = new SimulatedDevice(server);
    device.pull(50);
    long cursor = device.cursor();
    server.accreditation(Mark.of(3));

    Page page = device.pull(50);

    assertThat(cursor).isEqualTo(world.last() - 2);
    assertThat(page.changes()).extracting(Change::item).containsExactlyInAnyOrder(two, three);
    assertThat(page.changes()).extracting(Change::op).containsOnly(Op.UPSERT);
    assertThat(page.changes()).allSatisfy(c -> assertThat(c.seq()).isGreaterThan(cursor));
    assertThat(device.kept()).containsOnlyKeys(one, two, three);
  }

  @Test
  void raisingTheAccreditationAgainAfterARevokeGivesTheRecordBack() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    Item two = world.createDocument(Mark.of(2));
    SyncWorld.Device server = world.newDevice(Mark.of(2));
    SimulatedDevice device = new SimulatedDevice(server);
    device.pull(50);
    server.accreditation(Mark.of(1));
    device.pull(50);
    server.accreditation(Mark.of(2));

    Page page = device.pull(50);

    assertThat(page.changes())
        .extracting(Change::item, Change::op)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(two, Op.UPSERT));
    assertThat(device.kept()).containsOnlyKeys(two);
  }

  /**
   * The device pulls (cursor 2), its accreditation rises, then the same first request reaches the
   * server again (a retry). Before the fix, that pull, from cursor 0, found the scope changed,
   * wrote no row for the document now holdable because its row (1) is after cursor 0, and marks it
   * held. The device drops the stale answer and goes on from cursor 2: nothing is left there for
   * the document, and it is never delivered (not even at the next scope change, since the server
   * thinks the device has it).
   */
  @Test
  void aRetriedOldPullDoesNotLoseARecordTheDeviceMayNowHold_issue7() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    Item one = world.createDocument(Mark.of(1));
    Item zero = world.createDocument(Mark.of(0));
    SyncWorld.Device server = world.newDevice(Mark.of(0));
    SimulatedDevice device = new SimulatedDevice(server);
    device.pull(5);
    server.accreditation(Mark.of(1));
    device.fetchFrom(0, 5);

    device.drain(5);

    assertThat(device.kept()).containsOnlyKeys(one, zero);
  }

  @Test
  void aRequestAssignedToSomeoneElseIsDeletedNotRevoked() {
    SyncWorld world = new SyncWorld(Mark.of(2));
    Item request = world.createRequest(Mark.of(1), SyncWorld.USER);
    Item notMine = world.createRequest(Mark.of(1), SyncWorld.SOMEONE_ELSE);
    SimulatedDevice device = new SimulatedDevice(world.newDevice(Mark.of(2)));
    assertThat(device.pull(50).changes()).extracting(Change::item).containsExactly(request);
    world.assign(request, SyncWorld.SOMEONE_ELSE);

    Page page = device.pull(50);

    assertThat(page.changes())
        .extracting(Change::item, Change::op)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(request, Op.DELETE));
    assertThat(page.changes()).extracting(Change::item).doesNotContain(notMine);
    assertThat(device.server.audited()).isEmpty();
  }

  @Test
  void pagesFollowTheLimitAndTheCursor() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    List<Item> docs =
        List.of(
            world.createDocument(Mark.of(0)),
            world.createDocument(Mark.of(0)),
            world.createDocument(Mark.of(0)),
            world.createDocument(Mark.of(0)),
            world.createDocument(Mark.of(0)));
    SimulatedDevice device = new SimulatedDevice(world.newDevice(Mark.of(3)));

    Page first = device.pull(2);
    Page second = device.pull(2);
    Page third = device.pull(2);

    assertThat(first.changes()).extracting(Change::item).containsExactly(docs.get(0), docs.get(1));
    assertThat(first.hasMore()).isTrue();
    assertThat(first.cursor()).isEqualTo(first.changes().get(1).seq());
    assertThat(second.changes()).extracting(Change::item).containsExactly(docs.get(2), docs.get(3));
    assertThat(second.hasMore()).isTrue();
    assertThat(second.cursor()).isEqualTo(second.changes().get(1).seq());
    assertThat(third.changes()).extracting(Change::item).containsExactly(docs.get(4));
    assertThat(third.hasMore()).isFalse();
    assertThat(third.cursor()).isEqualTo(world.last());
  }

  @Test
  void aFullLastPageSaysMoreAndTheNextIsEmpty() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    world.createDocument(Mark.of(0));
    world.createDocument(Mark.of(0));
    SimulatedDevice device = new SimulatedDevice(world.newDevice(Mark.of(3)));

    Page full = device.pull(2);
    Page empty = device.pull(2);

    assertThat(full.changes()).hasSize(2);
    assertThat(full.hasMore()).isTrue();
    assertThat(empty.changes()).isEmpty();
    assertThat(empty.hasMore()).isFalse();
    assertThat(empty.cursor()).isEqualTo(full.cursor());
  }

  @Test
  void hiddenRowsMoveTheCursorWithoutAChange() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    Item open = world.createDocument(Mark.of(0));
    world.createDocument(Mark.of(3));
    world.createDocument(Mark.of(3));
    SimulatedDevice device = new SimulatedDevice(world.newDevice(Mark.of(1)));

    Page page = device.pull(5);

    assertThat(page.changes()).extracting(Change::item).containsExactly(open);
    assertThat(page.hasMore()).isFalse();
    assertThat(page.cursor()).isEqualTo(world.last());
  }

  @Test
  void aPullWithNothingNewKeepsTheCursor() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    world.createDocument(Mark.of(0));
    SimulatedDevice device = new SimulatedDevice(world.newDevice(Mark.of(3)));
    device.pull(5);
    long cursor = device.cursor();

    Page page = device.pull(5);

    assertThat(page.changes()).isEmpty();
    assertThat(page.hasMore()).isFalse();
    assertThat(page.cursor()).isEqualTo(cursor);
  }

  @Test
  void aPullRepeatedFromTheSameCursorSaysTheSame() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    Item kept = world.createDocument(Mark.of(1));
    Item raised = world.createDocument(Mark.of(1));
    SyncWorld.Device server = world.newDevice(Mark.of(3));
    SimulatedDevice device = new SimulatedDevice(server);
    device.pull(50);
    long cursor = device.cursor();
    world.edit(kept);
    world.relabel(raised, Mark.of(3));
    server.accreditation(Mark.of(2));

    Page first = device.fetchFrom(cursor, 50);
    Page again = device.fetchFrom(cursor, 50);

    assertThat(again).isEqualTo(first);
    assertThat(first.changes())
        .extracting(Change::item, Change::op)
        .contains(
            org.assertj.core.groups.Tuple.tuple(kept, Op.UPSERT),
            org.assertj.core.groups.Tuple.tuple(raised, Op.REVOKE));
    assertThat(server.audited()).containsExactly(raised);
  }

  @Test
  void aLimitBelowOneIsRefused() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    SyncWorld.Device server = world.newDevice(Mark.of(3));

    assertThatThrownBy(() -> SyncFeed.pull(server, server, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFirstPullWritesNoRowsAndRemembersTheScope() {
    SyncWorld world = new SyncWorld(Mark.of(3));
    world.createDocument(Mark.of(3));
    SyncWorld.Device server = world.newDevice(Mark.of(1));
    long last = world.last();

    new SimulatedDevice(server).pull(5);

    assertThat(world.last()).isEqualTo(last);
    assertThat(server.scopePrint()).contains(server.print());
    assertThat(server.recordedHoldings()).isEqualTo(Map.of());
  }
}
