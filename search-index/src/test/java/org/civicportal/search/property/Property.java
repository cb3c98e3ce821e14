package org.civicportal.search.property;

import java.util.SplittableRandom;

/**
 * Runs a property under JUnit 5: a check over a number of generated samples, each drawn from its
 * own seed. A failure names the try, its seed and its sample; running again with {@code
 * -Dproperty.seed=<that seed>} makes that try the first, with the same sample. There is no
 * shrinking: the sample is reported as it was drawn.
 *
 * <p>Without the system property the first seed is random, so every run tries new samples.
 */
public final class Property {
  /** The system property that fixes the first try's seed. */
  public static final String SEED = "property.seed";

  private static final int MAX_SAMPLE_TEXT = 20_000;

  private Property() {}

  /** One check of one sample; any exception or assertion error fails the property. */
  @FunctionalInterface
  public interface Check<T> {
    void accept(T sample) throws Exception;
  }

  /** Checks {@code tries} samples of the generator, stopping at the first that fails. */
  public static <T> void check(int tries, Generator<T> generator, Check<? super T> check) {
    String given = System.getProperty(SEED);
    check(
        tries,
        given == null ? new SplittableRandom().nextLong() : Long.parseLong(given.strip()),
        generator,
        check);
  }

  /** Checks {@code tries} samples, the first drawn from {@code firstSeed}. */
  static <T> void check(int tries, long firstSeed, Generator<T> generator, Check<? super T> check) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries " + tries);
    }
    long seed = firstSeed;
    for (int attempt = 1; attempt <= tries; attempt++) {
      T sample;
      try {
        sample = generator.next(new SplittableRandom(seed));
      } catch (RuntimeException e) {
        throw new AssertionError(report("generating the sample of", attempt, tries, seed, ""), e);
      }
      try {
        check.accept(sample);
      } catch (Exception | AssertionError e) {
        throw new AssertionError(
            report("", attempt, tries, seed, "\nsample: " + describe(sample)), e);
      }
      seed = next(seed);
    }
  }

  private static String report(String what, int attempt, int tries, long seed, String sample) {
    return caller()
        + " failed "
        + what
        + (what.isEmpty() ? "" : " ")
        + "try "
        + attempt
        + " of "
        + tries
        + ", seed "
        + seed
        + " (run again with -D"
        + SEED
        + "="
        + seed
        + " to make it the first try)"
        + sample;
  }

  private static String describe(Object sample) {
    String text = String.valueOf(sample);
    return text.length() <= MAX_SAMPLE_TEXT
        ? text
        : text.substring(0, MAX_SAMPLE_TEXT) + "... (" + text.length() + " characters)";
  }

  /** The test method that asked, as Class#method. */
  private static String caller() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !isThisClass(f.getClassName()))
                    .findFirst()
                    .map(f -> simpleName(f.getClassName()) + "#" + f.getMethodName())
                    .orElse("a property"));
  }

  private static boolean isThisClass(String className) {
    String name = Property.class.getName();
    return className.equals(name) || className.startsWith(name + "$");
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** The next try's seed: a SplitMix64 step (a bijection), so successive seeds look unrelated. */
  static long next(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
