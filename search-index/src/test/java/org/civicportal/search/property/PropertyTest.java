package org.civicportal.search.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicportal.search.property.Generator.constant;
import static org.civicportal.search.property.Generator.weight;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PropertyTest {
  private static final Pattern SEED = Pattern.compile("seed (-?\\d+)");

  @Test
  void aFailureNamesItsTryItsSeedAndItsSample() {
    Generator<Integer> numbers = Generator.ints(0, 1000);

    Throwable failure =
        catchFailure(() -> Property.check(1000, 42L, numbers, n -> assertThat(n).isLessThan(990)));

    assertThat(failure)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("PropertyTest#lambda")
        .hasMessageMatching("(?s).*failed try \\d+ of 1000, seed -?\\d+ .*")
        .hasMessageContaining("-Dproperty.seed=")
        .hasMessageMatching("(?s).*\nsample: (99\\d|1000)$")
        .hasCauseInstanceOf(AssertionError.class);
  }

  @Test
  void runAgainWithTheReportedSeedTheFailingTryComesFirstWithTheSameSample() {
    Generator<List<Integer>> lists = Generator.ints(0, 100).list(0, 20);
    Property.Check<List<Integer>> noNinetyNine = l -> assertThat(l).doesNotContain(99);
    Throwable first = catchFailure(() -> Property.check(1000, 7L, lists, noNinetyNine));
    long seed = seedOf(first);

    Throwable again = catchFailure(() -> Property.check(1, seed, lists, noNinetyNine));

    assertThat(again.getMessage()).contains("failed try 1 of 1, seed " + seed);
    assertThat(sampleOf(again)).isEqualTo(sampleOf(first));
  }

  @Test
  void anExceptionFailsThePropertyLikeAnAssertion() {
    Throwable failure =
        catchFailure(
            () ->
                Property.check(
                    10,
                    1L,
                    constant("x"),
                    s -> {
                      throw new IllegalStateException("boom");
                    }));

    assertThat(failure).hasMessageContaining("failed try 1 of 10").hasRootCauseMessage("boom");
  }

  @Test
  void aPassingPropertyRunsEveryTryOnDifferentSamples() {
    List<Long> samples = new ArrayList<>();

    Property.check(500, 3L, Generator.longs(0, Long.MAX_VALUE - 1), samples::add);

    assertThat(samples).hasSize(500).doesNotHaveDuplicates();
  }

  @Test
  void theSameFirstSeedDrawsTheSameSamples() {
    Generator<String> words = Generator.strings(Generator.chars('a', 'z'), 0, 8);
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();

    Property.check(200, 11L, words, first::add);
    Property.check(200, 11L, words, second::add);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void frequencyFollowsTheWeights() {
    Generator<String> weighted =
        Generator.frequency(weight(3, constant("often")), weight(1, constant("rarely")));
    SplittableRandom random = new SplittableRandom(5);
    int often = 0;

    for (int i = 0; i < 10_000; i++) {
      often += weighted.next(random).equals("often") ? 1 : 0;
    }

    assertThat(often).isBetween(7_300, 7_700);
  }

  @Test
  void sizesAndRangesReachBothEnds() {
    SplittableRandom random = new SplittableRandom(9);
    List<Integer> sizes = new ArrayList<>();
    List<Integer> values = new ArrayList<>();

    for (int i = 0; i < 1_000; i++) {
      sizes.add(Generator.ints(0, 9).list(1, 4).next(random).size());
      values.add(Generator.ints(-2, 2).next(random));
    }

    assertThat(sizes).contains(1, 4).doesNotContain(0, 5);
    assertThat(values).contains(-2, 2).allMatch(v -> v >= -2 && v <= 2);
  }

  @Test
  void distinctValuesAreDistinct() {
    SplittableRandom random = new SplittableRandom(13);

    for (int i = 0; i < 1_000; i++) {
      List<Integer> list = Generator.ints(0, 6).distinctList(1, 6).next(random);
      assertThat(list).doesNotHaveDuplicates().hasSizeBetween(1, 6);
    }
  }

  @Test
  void unorderedCollectionsAreRefusedSoThatASeedMeansOneSample() {
    assertThatThrownBy(() -> Generator.of(Set.of(1, 2, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SortedSet");
    assertThatThrownBy(() -> Generator.subsets(Set.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Throwable catchFailure(Runnable property) {
    try {
      property.run();
    } catch (AssertionError e) {
      return e;
    }
    throw new AssertionError("the property did not fail");
  }

  private static long seedOf(Throwable failure) {
    Matcher m = SEED.matcher(failure.getMessage());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String sampleOf(Throwable failure) {
    String message = failure.getMessage();
    return message.substring(message.indexOf("\nsample: "));
  }
}
