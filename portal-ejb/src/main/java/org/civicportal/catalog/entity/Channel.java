package org.civicportal.catalog.entity;

import java.util.Locale;
import java.util.Optional;

/** How citizens can use a service. */
public enum Channel {
  ONLINE,
  IN_PERSON,
  PHONE;

  /** The channel's name in the API, e.g. {@code in-person}. */
  public String external() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The channel with this external name, if there is one. */
  public static Optional<Channel> ofExternal(String name) {
    for (Channel channel : values()) {
      if (channel.external().equals(name)) {
        return Optional.of(channel);
      }
    }
    return Optional.empty();
  }
}
