package org.civicportal.request.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceRequestsTest {
  @Test
  void emailsAreCheckedLoosely() {
    assertThat(ServiceRequests.isEmail("a@example.org")).isTrue();
    assertThat(ServiceRequests.isEmail("a@localhost")).isFalse();
    assertThat(ServiceRequests.isEmail("<a@b.c>")).isFalse();
    assertThat(ServiceRequests.isEmail("a b@example.org")).isFalse();
  }
}
