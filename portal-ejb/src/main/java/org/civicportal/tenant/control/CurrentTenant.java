package org.civicportal.tenant.control;

import java.util.function.Supplier;

/**
 * The tenant the current thread works for: set by the web layer for each request (from the host
 * name) and by background work for each tenant it handles. Reading it when none is set is a bug and
 * fails, so no query ever runs without a tenant.
 */
public final class CurrentTenant {
  private static final ThreadLocal<String> CODE = new ThreadLocal<>();

  private CurrentTenant() {}

  /** The current tenant's code. */
  public static String code() {
    String code = CODE.get();
    if (code == null) {
      throw new IllegalStateException("No tenant is set for this thread");
    }
    return code;
  }

  public static boolean isSet() {
    return CODE.get() != null;
  }

  /** Makes {@code code} the current tenant until the returned scope is closed. */
  public static Scope enter(String code) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("tenant code must not be blank");
    }
    String previous = CODE.get();
    CODE.set(code);
    return () -> {
      if (previous == null) {
        CODE.remove();
      } else {
        CODE.set(previous);
      }
    };
  }

  /** Runs {@code work} for tenant {@code code}. */
  public static <T> T as(String code, Supplier<T> work) {
    try (Scope scope = enter(code)) {
      return work.get();
    }
  }

  /** The extent of a {@link #enter} call. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
