package org.civicportal.request.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.form.control.Answers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestStateTest {
  static final ClassificationScheme SCHEME =
      ClassificationScheme.of(
          "DEMOLAND", java.util.List.of("OFFICIAL", "SECRET"), Set.of(), Set.of());

  static ServiceRequest request() {
    return new ServiceRequest(
        "DEM-2026-000001",
        1,
        "road-damage",
        1,
        "transport",
        RequestChannel.WEB,
        "en",
        Answers.none(),
        SCHEME.lowest(),
        "t",
        Instant.parse("2026-01-01T00:00:00Z"),
        Optional.of(Instant.parse("2026-01-29T00:00:00Z")));
  }

  @Test
  void theWholePathFromSubmittedToClosed() {
    ServiceRequest r = request();
    Instant now = Instant.parse("2026-01-02T00:00:00Z");
    for (RequestState s :
        new RequestState[] {
          RequestState.TRIAGED, RequestState.IN_PROGRESS, RequestState.WAITING_FOR_CITIZEN,
          RequestState.IN_PROGRESS, RequestState.RESOLVED, RequestState.CLOSED
        }) {
      r.moveTo(s, now);
      assertThat(r.state()).isEqualTo(s);
    }
    assertThat(r.closedAt()).contains(now);
    assertThat(r.keptSla()).contains(true);
  }

  @ParameterizedTest
  @EnumSource(RequestState.class)
  void everyStepNotListedIsRefused(RequestState from) {
    for (RequestState to : RequestState.values()) {
      assertThat(from.mayMoveTo(to)).isEqualTo(from.next().contains(to));
    }
    assertThat(from.next()).doesNotContain(RequestState.SUBMITTED, RequestState.WITHDRAWN);
    if (from == RequestState.CLOSED || from == RequestState.WITHDRAWN) {
      assertThat(from.next()).isEmpty();
    }
  }

  @Test
  void aSubmittedRequestCannotJumpToResolved() {
    ServiceRequest r = request();
    assertThatThrownBy(() -> r.moveTo(RequestState.RESOLVED, Instant.now()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("submitted cannot become resolved");
    assertThat(r.state()).isEqualTo(RequestState.SUBMITTED);
  }

  @Test
  void withdrawOnlyBeforeAssignment() {
    ServiceRequest r = request();
    r.assignTo("caseworker1", Instant.now());
    assertThatThrownBy(() -> r.withdraw(Instant.now())).isInstanceOf(IllegalStateException.class);
    ServiceRequest unassigned = request();
    unassigned.withdraw(Instant.now());
    assertThat(unassigned.state()).isEqualTo(RequestState.WITHDRAWN);
    assertThat(unassigned.state().open311()).isEqualTo("closed");
    ServiceRequest inProgress = request();
    inProgress.moveTo(RequestState.TRIAGED, Instant.now());
    inProgress.moveTo(RequestState.IN_PROGRESS, Instant.now());
    assertThatThrownBy(() -> inProgress.withdraw(Instant.now()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void overdueOnlyWhileOpenAndPastTheDueDate() {
    ServiceRequest r = request();
    assertThat(r.overdue(Instant.parse("2026-01-28T00:00:00Z"))).isFalse();
    assertThat(r.overdue(Instant.parse("2026-01-30T00:00:00Z"))).isTrue();
    r.moveTo(RequestState.REJECTED, Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(r.overdue(Instant.parse("2026-02-02T00:00:00Z"))).isFalse();
    assertThat(r.keptSla()).contains(false);
  }

  @Test
  void open311StatusIsOpenUntilFinished() {
    Set<RequestState> closed =
        EnumSet.of(
            RequestState.RESOLVED,
            RequestState.REJECTED,
            RequestState.CLOSED,
            RequestState.WITHDRAWN);
    for (RequestState s : RequestState.values()) {
      assertThat(s.open311()).isEqualTo(closed.contains(s) ? "closed" : "open");
    }
  }

  @Test
  void theLabelOnlyRises() {
    ServiceRequest r = request();
    r.raiseTo(org.civicportal.classification.control.Marking.parse(SCHEME, "SECRET"), SCHEME);
    assertThat(r.marking()).isEqualTo("SECRET");
    assertThat(r.levelRank()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                r.raiseTo(
                    org.civicportal.classification.control.Marking.parse(SCHEME, "OFFICIAL"),
                    SCHEME))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(r.marking()).isEqualTo("SECRET");
  }
}
