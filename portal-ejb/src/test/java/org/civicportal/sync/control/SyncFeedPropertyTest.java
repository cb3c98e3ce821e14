package org.civicportal.sync.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicportal.search.property.Generator.constant;
import static org.civicportal.search.property.Generator.weight;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicportal.search.property.Generator;
import org.civicportal.search.property.Property;
import org.civicportal.sync.control.SyncFeed.Change;
import org.civicportal.sync.control.SyncFeed.Holdable;
import org.civicportal.sync.control.SyncFeed.Item;
import org.civicportal.sync.control.SyncFeed.Op;
import org.civicportal.sync.control.SyncFeed.Page;
import org.civicportal.sync.control.SyncWorld.Mark;
import org.civicportal.sync.control.SyncWorld.Thing;
import org.junit.jupiter.api.Test;

/**
 * For random sequences of creations, edits, relabels, removals, reassignments, clearance and
 * accreditation changes and pulls (some repeated, some lost on the way) by two devices of one user,
 * the feed keeps its promises: (a) no upsert outside the device's scope, (b) after pulling to the
 * end the device holds exactly what it may hold, (c) a repeated pull says the same thing, (d) a
 * page is in log order, (e) nothing is said of a hidden record the device never had, (f) every
 * revoke of a held record is audited once.
 */
class SyncFeedPropertyTest {
  private static final int TRIES = 400;

  /** Stories (of {@link #TRIES}) that must show each kind of change (see the second property). */
  private static final int COVERED = 40;

  // ---- what happens

  /** The user, and the accreditations of two devices. */
  record Start(Mark clearance, Mark first, Mark second) {}

  sealed interface Step {}

  record Create(boolean request, Mark label, boolean assignedToUser) implements Step {}

  record Edit(int pick) implements Step {}

  record Relabel(int pick, Mark label) implements Step {}

  record Remove(int pick) implements Step {}

  record Reassign(int pick) implements Step {}

  record Reclear(Mark clearance) implements Step {}

  record Accredit(int device, Mark accreditation) implements Step {}

  /**
   * NORMAL applies the page; REPEATED pulls twice from the same cursor and applies both; LOST never
   * arrives (the device pulls from the same cursor next time); DUPLICATE is the device's previous
   * request reaching the server a second time (a retry, a second tab): the server answers a pull
   * from the cursor before the device's current one, and the device drops that stale answer.
   */
  enum Delivery {
    NORMAL,
    REPEATED,
    LOST,
    DUPLICATE
  }

  record Pull(int device, int limit, Delivery delivery) implements Step {}

  /** One story: how it starts and what happens. */
  record Sample(Start start, List<Step> steps) {}

  static Generator<Sample> samples() {
    return Generator.zip(
        starts(),
        steps(
            Generator.frequency(
                weight(6, constant(Delivery.NORMAL)),
                weight(2, constant(Delivery.REPEATED)),
                weight(1, constant(Delivery.LOST)))),
        Sample::new);
  }

  static Generator<Sample> samplesWithDuplicates() {
    return Generator.zip(
        starts(),
        steps(
            Generator.frequency(
                weight(6, constant(Delivery.NORMAL)),
                weight(2, constant(Delivery.REPEATED)),
                weight(1, constant(Delivery.LOST)),
                weight(2, constant(Delivery.DUPLICATE)))),
        Sample::new);
  }

  private static Generator<Start> starts() {
    return Generator.zip(clearances(), clearances(), clearances(), Start::new);
  }

  private static Generator<List<Step>> steps(Generator<Delivery> deliveries) {
    Generator<Integer> pick = Generator.ints(0, 15);
    Generator<Integer> device = Generator.ints(0, 1);
    Generator<Step> create =
        Generator.zip(Generator.booleans(), labels(), Generator.booleans(), Create::new);
    Generator<Step> edit = pick.map(Edit::new);
    Generator<Step> relabel = Generator.zip(pick, labels(), Relabel::new);
    Generator<Step> remove = pick.map(Remove::new);
    Generator<Step> reassign = pick.map(Reassign::new);
    Generator<Step> clear = clearances().map(Reclear::new);
    Generator<Step> accredit = Generator.zip(device, clearances(), Accredit::new);
    Generator<Step> pull = Generator.zip(device, Generator.ints(1, 5), deliveries, Pull::new);
    Generator<Step> step =
        Generator.frequency(
            weight(5, create),
            weight(3, edit),
            weight(4, relabel),
            weight(1, remove),
            weight(2, reassign),
            weight(3, clear),
            weight(3, accredit),
            weight(10, pull));
    return step.list(15, 60);
  }

  /** Labels of records: any level, mostly without compartments. */
  private static Generator<Mark> labels() {
    return marks(Generator.ints(0, 3), 3, 1);
  }

  /** Clearances and accreditations: mostly high and with both compartments, so much is holdable. */
  private static Generator<Mark> clearances() {
    return marks(
        Generator.frequency(
            weight(1, constant(0)),
            weight(1, constant(1)),
            weight(2, constant(2)),
            weight(3, constant(3))),
        1,
        3);
  }

  private static Generator<Mark> marks(Generator<Integer> levels, int none, int both) {
    Generator<Set<String>> compartments =
        Generator.frequency(
            weight(none, constant(Set.<String>of())),
            weight(1, constant(Set.of("A"))),
            weight(1, constant(Set.of("B"))),
            weight(both, constant(Set.of("A", "B"))));
    return Generator.zip(levels, compartments, Mark::new);
  }

  // ---- the properties, one per promise; each runs the same story and looks at its own findings

  @Test
  void noDeviceIsGivenARecordOutsideItsScope() {
    Property.check(
        TRIES, samples(), s -> assertThat(Story.run(s.start(), s.steps()).findings('a')).isEmpty());
  }

  /**
   * Also checks that the stories reach what this promise is about: a revoke, a delete, and a revoke
   * and an upsert written at a scope change, each in at least {@link #COVERED} of the stories (each
   * happens in about a third to four fifths of them).
   */
  @Test
  void afterPullingToTheEndADeviceHoldsExactlyWhatItMayHold() {
    Map<String, Integer> stories = new java.util.TreeMap<>();
    List.of("revoke", "delete", "revoke*", "upsert*").forEach(what -> stories.put(what, 0));

    Property.check(
        TRIES,
        samples(),
        s -> {
          Story story = Story.run(s.start(), s.steps());
          stories.replaceAll((what, count) -> story.seen.contains(what) ? count + 1 : count);
          assertThat(story.findings('b')).isEmpty();
        });

    assertThat(stories)
        .as("stories in which each happened, of %d", TRIES)
        .allSatisfy((what, count) -> assertThat(count).isGreaterThanOrEqualTo(COVERED));
  }

  /**
   * Once failed (found by this property): a pull from an older cursor (a retried or duplicated
   * request) that finds the scope changed writes rows only for records with no log row after
   * <em>its</em> cursor, and marks the records it reads as held, though the device drops that
   * answer and continues from its newer cursor: it never gets them. See {@link SyncFeedTest}'s
   * regression test for the shortest case.
   */
  @Test
  void evenWhenAnOldRequestArrivesTwiceTheDeviceEndsHoldingExactlyWhatItMayHold() {
    Property.check(
        TRIES,
        samplesWithDuplicates(),
        s -> assertThat(Story.run(s.start(), s.steps()).findings('b')).isEmpty());
  }

  @Test
  void aPullRepeatedFromTheSameCursorSaysTheSame() {
    Property.check(
        TRIES, samples(), s -> assertThat(Story.run(s.start(), s.steps()).findings('c')).isEmpty());
  }

  @Test
  void aPageIsInLogOrder() {
    Property.check(
        TRIES, samples(), s -> assertThat(Story.run(s.start(), s.steps()).findings('d')).isEmpty());
  }

  @Test
  void aHiddenRecordTheDeviceNeverHadIsNeverMentioned() {
    Property.check(
        TRIES, samples(), s -> assertThat(Story.run(s.start(), s.steps()).findings('e')).isEmpty());
  }

  @Test
  void everyRevokeOfAHeldRecordIsAuditedOnce() {
    Property.check(
        TRIES, samples(), s -> assertThat(Story.run(s.start(), s.steps()).findings('f')).isEmpty());
  }

  // ---- the story: play the steps against the world, check every page

  static final class Story {
    private final SyncWorld world;
    private final List<SimulatedDevice> devices = new ArrayList<>();
    private final List<Set<Item>> everGiven = new ArrayList<>();
    private final Map<Character, List<String>> findings = new LinkedHashMap<>();

    /**
     * What the story went through: "revoke", "delete", and "upsert*"/"revoke*" from device rows.
     */
    final Set<String> seen = new HashSet<>();

    private int stepNo;

    private Story(Start start) {
      world = new SyncWorld(start.clearance());
      for (Mark accreditation : List.of(start.first(), start.second())) {
        devices.add(new SimulatedDevice(world.newDevice(accreditation)));
        everGiven.add(new HashSet<>());
      }
    }

    static Story run(Start start, List<Step> steps) {
      Story story = new Story(start);
      for (Step step : steps) {
        story.stepNo++;
        story.play(step);
      }
      story.stepNo = -1;
      for (int d = 0; d < story.devices.size(); d++) {
        story.drain(d);
      }
      return story;
    }

    List<String> findings(char property) {
      return findings.getOrDefault(property, List.of());
    }

    private void found(char property, String what) {
      findings
          .computeIfAbsent(property, p -> new ArrayList<>())
          .add("step " + (stepNo < 0 ? "final drain" : stepNo) + ": " + what);
    }

    private void play(Step step) {
      if (step instanceof Create c) {
        if (c.request()) {
          world.createRequest(
              c.label(), c.assignedToUser() ? SyncWorld.USER : SyncWorld.SOMEONE_ELSE);
        } else {
          world.createDocument(c.label());
        }
      } else if (step instanceof Edit e) {
        pick(e.pick(), false).ifPresent(world::edit);
      } else if (step instanceof Relabel r) {
        pick(r.pick(), false).ifPresent(item -> world.relabel(item, r.label()));
      } else if (step instanceof Remove r) {
        pick(r.pick(), false).ifPresent(world::remove);
      } else if (step instanceof Reassign r) {
        pick(r.pick(), true)
            .ifPresent(
                item ->
                    world.assign(
                        item,
                        SyncWorld.USER.equals(world.thing(item).assignee)
                            ? SyncWorld.SOMEONE_ELSE
                            : SyncWorld.USER));
      } else if (step instanceof Reclear c) {
        world.clearance(c.clearance());
      } else if (step instanceof Accredit a) {
        devices.get(a.device()).server.accreditation(a.accreditation());
      } else if (step instanceof Pull p) {
        pull(p);
      }
    }

    private Optional<Item> pick(int pick, boolean requestsOnly) {
      List<Item> live = new ArrayList<>();
      for (Thing t : world.things()) {
        if (!t.gone && (!requestsOnly || SyncWorld.REQUEST.equals(t.item.type()))) {
          live.add(t.item);
        }
      }
      return live.isEmpty() ? Optional.empty() : Optional.of(live.get(pick % live.size()));
    }

    private void pull(Pull p) {
      SimulatedDevice device = devices.get(p.device());
      if (p.delivery() == Delivery.DUPLICATE) {
        // the request before the last one reaches the server again; its answer is dropped
        checked(p.device(), device.fetchFrom(device.previousCursor(), p.limit()));
        return;
      }
      long from = device.cursor();
      Page page = checked(p.device(), device.fetch(p.limit()));
      if (p.delivery() == Delivery.LOST) {
        return;
      }
      device.apply(page);
      if (p.delivery() == Delivery.REPEATED) {
        Page again = checked(p.device(), device.fetchFrom(from, p.limit()));
        device.applyAgain(again);
        if (!summary(page).equals(summary(again))) {
          found(
              'c',
              "device "
                  + p.device()
                  + " from "
                  + from
                  + " first "
                  + summary(page)
                  + ", then "
                  + summary(again));
        }
        page = again;
      }
      if (!page.hasMore()) {
        holdsWhatItMay(p.device());
      }
    }

    private void drain(int d) {
      SimulatedDevice device = devices.get(d);
      for (int pages = 0; pages < 10_000; pages++) {
        Page page = checked(d, device.fetch(3));
        device.apply(page);
        if (!page.hasMore()) {
          holdsWhatItMay(d);
          return;
        }
      }
      found('b', "device " + d + ": the feed never ends");
    }

    /** Checks a page the moment it is made: (a), (d), (e), (f). */
    private Page checked(int d, Page page) {
      SyncWorld.Device server = devices.get(d).server;
      long previous = Long.MIN_VALUE;
      for (Change c : page.changes()) {
        if (c.seq() <= previous) {
          found('d', "device " + d + ": seq " + c.seq() + " after " + previous + " in " + page);
        }
        previous = c.seq();
        String op = c.op().name().toLowerCase(Locale.ROOT);
        seen.add(op);
        if (world.log().stream().anyMatch(r -> r.seq() == c.seq() && r.device() != null)) {
          seen.add(op + "*");
        }
        if (c.op() == Op.UPSERT) {
          if (!(server.standing(c.item()) instanceof Holdable h)
              || h.version() != c.version()
              || !h.classification().equals(c.classification().orElse(null))) {
            found(
                'a',
                "device "
                    + d
                    + " ("
                    + server.accreditation()
                    + ", user "
                    + world.clearance()
                    + ") given "
                    + c
                    + " while the record is "
                    + world.describe(c.item())
                    + " and stands "
                    + server.standing(c.item()));
          }
        } else if (!everGiven.get(d).contains(c.item())) {
          found('e', "device " + d + " told " + c.op() + " of " + c.item() + " it was never given");
        }
      }
      for (Change c : page.changes()) {
        if (c.op() == Op.UPSERT) {
          everGiven.get(d).add(c.item());
        }
      }
      if (page.cursor() < 0 || page.cursor() > world.last()) {
        found('d', "device " + d + ": cursor " + page.cursor() + " out of the log");
      }
      if (server.unaudited() != 0) {
        found('f', "device " + d + ": " + server.unaudited() + " revokes not audited");
      }
      return page;
    }

    /** (b): same records at the same versions, and with the marking they have now. */
    private void holdsWhatItMay(int d) {
      SimulatedDevice device = devices.get(d);
      Map<Item, Long> may = device.server.mayHoldNow();
      if (!device.versions().equals(may)) {
        found(
            'b',
            "device "
                + d
                + " ("
                + device.server.accreditation()
                + ", user "
                + world.clearance()
                + ") holds "
                + device.versions()
                + " but may hold "
                + may);
        return;
      }
      device
          .kept()
          .forEach(
              (item, copy) -> {
                String marking = SyncWorld.marking(world.thing(item).label);
                if (!marking.equals(copy.classification())) {
                  found('b', "device " + d + " keeps " + item + " as " + copy + ", now " + marking);
                }
              });
    }

    private static List<String> summary(Page page) {
      List<String> s = new ArrayList<>();
      for (Change c : page.changes()) {
        s.add(
            c.seq()
                + ":"
                + c.item().type()
                + "#"
                + c.item().id()
                + ":"
                + c.op()
                + ":v"
                + c.version());
      }
      s.add("cursor " + page.cursor() + (page.hasMore() ? " more" : " end"));
      return s;
    }
  }
}
