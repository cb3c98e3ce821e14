package org.civicportal.search.property;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Makes one random value from a source of randomness, and nothing else: a generator reads no clock,
 * no hash order and no state of its own, so the same seed gives the same value in every JVM. That
 * is what lets {@link Property} name a failing try by its seed.
 *
 * <p>Values are drawn uniformly unless a method says otherwise; there is no shrinking.
 */
@FunctionalInterface
public interface Generator<T> {

  T next(RandomGenerator random);

  default <R> Generator<R> map(Function<? super T, ? extends R> function) {
    return random -> function.apply(next(random));
  }

  /** A value of this generator, then a value of the generator it picks. */
  default <R> Generator<R> flatMap(Function<? super T, ? extends Generator<? extends R>> function) {
    return random -> function.apply(next(random)).next(random);
  }

  /** Draws again until a value passes; fails after 10,000 draws rather than looping forever. */
  default Generator<T> filter(Predicate<? super T> keep) {
    return random -> {
      for (int attempt = 0; attempt < 10_000; attempt++) {
        T value = next(random);
        if (keep.test(value)) {
          return value;
        }
      }
      throw new IllegalStateException("10,000 values in a row failed the filter");
    };
  }

  /** Lists of {@code min} to {@code max} values, the size uniform in that range. */
  default Generator<List<T>> list(int min, int max) {
    Generator<Integer> sizes = ints(min, max);
    return random -> {
      int size = sizes.next(random);
      List<T> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(next(random));
      }
      return list;
    };
  }

  /** Lists of {@code min} to {@code max} different values, in the order drawn. */
  default Generator<List<T>> distinctList(int min, int max) {
    return distinct(min, max).map(ArrayList::new);
  }

  /** Sets of 0 to {@code max} values, in the order drawn. */
  default Generator<Set<T>> set(int max) {
    return distinct(0, max);
  }

  private Generator<Set<T>> distinct(int min, int max) {
    Generator<Integer> sizes = ints(min, max);
    return random -> {
      int size = sizes.next(random);
      Set<T> set = new LinkedHashSet<>();
      for (int attempt = 0; set.size() < size; attempt++) {
        if (attempt == 10_000) {
          throw new IllegalStateException("fewer than " + size + " different values to draw");
        }
        set.add(next(random));
      }
      return set;
    };
  }

  static <T> Generator<T> constant(T value) {
    return random -> value;
  }

  /** Integers from {@code min} to {@code max}, both included. */
  static Generator<Integer> ints(int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException(min + " > " + max);
    }
    return random -> (int) random.nextLong(min, (long) max + 1);
  }

  /** Longs from {@code min} to {@code max}, both included. */
  static Generator<Long> longs(long min, long max) {
    if (min > max || max == Long.MAX_VALUE) {
      throw new IllegalArgumentException("not a range: " + min + ".." + max);
    }
    return random -> random.nextLong(min, max + 1);
  }

  static Generator<Boolean> booleans() {
    return RandomGenerator::nextBoolean;
  }

  /** One of the values; an ordered collection, so that a seed picks the same one every time. */
  static <T> Generator<T> of(Collection<? extends T> values) {
    List<T> list = ordered(values);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("nothing to pick from");
    }
    return random -> list.get(random.nextInt(list.size()));
  }

  @SafeVarargs
  static <T> Generator<T> of(T... values) {
    return of(List.of(values));
  }

  /** A value of one of the generators, each chosen as often. */
  @SafeVarargs
  static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
    List<Generator<? extends T>> list = List.of(generators);
    return random -> list.get(random.nextInt(list.size())).next(random);
  }

  /** A choice for {@link #frequency}: this generator, this many times in the total weight. */
  record Weighted<T>(int weight, Generator<? extends T> generator) {
    public Weighted {
      if (weight < 1) {
        throw new IllegalArgumentException("weight " + weight);
      }
    }
  }

  static <T> Weighted<T> weight(int weight, Generator<? extends T> generator) {
    return new Weighted<>(weight, generator);
  }

  /** A value of one of the generators, chosen in proportion to its weight. */
  @SafeVarargs
  static <T> Generator<T> frequency(Weighted<? extends T>... choices) {
    List<Weighted<? extends T>> list = List.of(choices);
    int total = list.stream().mapToInt(Weighted::weight).sum();
    return random -> {
      int pick = random.nextInt(total);
      for (Weighted<? extends T> choice : list) {
        pick -= choice.weight();
        if (pick < 0) {
          return choice.generator().next(random);
        }
      }
      throw new AssertionError("weights changed");
    };
  }

  /** Subsets of the values, each value in with probability one half. */
  static <T> Generator<Set<T>> subsets(Collection<? extends T> values) {
    List<T> list = ordered(values);
    return random -> {
      Set<T> subset = new LinkedHashSet<>();
      for (T value : list) {
        if (random.nextBoolean()) {
          subset.add(value);
        }
      }
      return subset;
    };
  }

  /** Characters from {@code first} to {@code last}, both included. */
  static Generator<Character> chars(char first, char last) {
    return ints(first, last).map(c -> (char) c.intValue());
  }

  /** Strings of {@code min} to {@code max} characters. */
  static Generator<String> strings(Generator<Character> chars, int min, int max) {
    return chars
        .list(min, max)
        .map(
            list -> {
              StringBuilder text = new StringBuilder(list.size());
              list.forEach(text::append);
              return text.toString();
            });
  }

  static <A, B, R> Generator<R> zip(
      Generator<A> first, Generator<B> second, BiFunction<? super A, ? super B, R> combine) {
    return random -> {
      A a = first.next(random);
      return combine.apply(a, second.next(random));
    };
  }

  /** Three values, drawn in order, combined. */
  interface Combine3<A, B, C, R> {
    R apply(A a, B b, C c);
  }

  static <A, B, C, R> Generator<R> zip(
      Generator<A> first,
      Generator<B> second,
      Generator<C> third,
      Combine3<? super A, ? super B, ? super C, R> combine) {
    return random -> {
      A a = first.next(random);
      B b = second.next(random);
      return combine.apply(a, b, third.next(random));
    };
  }

  /**
   * The values in their iteration order, which must not change between runs: a list, a sorted set
   * or a linked hash set. {@code Set.of} and {@code HashSet} are refused, because their order
   * (salted per JVM, or depending on capacity) would make a seed pick different values.
   */
  private static <T> List<T> ordered(Collection<? extends T> values) {
    if (!(values instanceof List<?>
        || values instanceof SortedSet<?>
        || values instanceof LinkedHashSet<?>)) {
      throw new IllegalArgumentException(
          "pass a List, a SortedSet or a LinkedHashSet, not a " + values.getClass().getName());
    }
    return List.copyOf(values);
  }
}
