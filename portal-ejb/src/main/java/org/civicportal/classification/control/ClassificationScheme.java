package org.civicportal.classification.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One tenant's classification scheme: the owning nation, an ordered scale of levels (rank 0 is the
 * lowest), the need-to-know compartments and the nations a record may be released to. Names keep
 * the spelling given here and are looked up case-insensitively.
 */
public final class ClassificationScheme {
  /** Words of letters, digits, '_' or '.', joined by single spaces or hyphens: no '/' or ','. */
  private static final Pattern NAME =
      Pattern.compile("[\\p{L}\\p{N}_.]+(?:[ -][\\p{L}\\p{N}_.]+)*");

  private final String nation;
  private final List<String> levels;
  private final Map<String, Integer> ranks;
  private final Map<String, String> compartments;
  private final Map<String, String> nations;
  private final boolean releasesUnmarked;

  private ClassificationScheme(
      String nation,
      List<String> levels,
      Set<String> compartments,
      Set<String> nations,
      boolean releasesUnmarked) {
    this.releasesUnmarked = releasesUnmarked;
    this.nation = checkName("nation", nation);
    this.levels = List.copyOf(Objects.requireNonNull(levels, "levels"));
    if (this.levels.isEmpty()) {
      throw new IllegalArgumentException("scheme " + nation + " needs at least one level");
    }
    this.ranks = new LinkedHashMap<>();
    for (String level : this.levels) {
      if (ranks.put(key(checkName("level", level)), ranks.size()) != null) {
        throw new IllegalArgumentException("duplicate level '" + level + "'");
      }
    }
    this.compartments = names("compartment", Objects.requireNonNull(compartments, "compartments"));
    for (String compartment : this.compartments.keySet()) {
      if (compartment.equals("NOFORN") || compartment.startsWith("REL TO")) {
        throw new IllegalArgumentException("compartment '" + compartment + "' is reserved");
      }
    }
    Set<String> known = new TreeSet<>(Objects.requireNonNull(nations, "nations"));
    known.remove(nation);
    this.nations = names("nation", known);
    if (this.nations.put(key(nation), nation) != null) {
      throw new IllegalArgumentException("duplicate nation '" + nation + "'");
    }
  }

  /**
   * A scheme owned by {@code nation}; {@code nations} are the codes usable in REL TO, to which the
   * owning nation is always added.
   */
  public static ClassificationScheme of(
      String nation, List<String> levels, Set<String> compartments, Set<String> nations) {
    return new ClassificationScheme(nation, levels, compartments, nations, false);
  }

  /**
   * The same scheme, where a record above the lowest level without a releasability caveat is
   * releasable to every nation the scheme knows ({@code true}), or only to the owning nation
   * ({@code false}, the default: release to another nation must be explicit, {@code REL TO}).
   */
  public ClassificationScheme releasingUnmarked(boolean releases) {
    return new ClassificationScheme(
        nation, levels, compartments(), new TreeSet<>(nations.values()), releases);
  }

  /** Whether unmarked records above the lowest level go to every known nation. */
  public boolean releasesUnmarked() {
    return releasesUnmarked;
  }

  public String nation() {
    return nation;
  }

  public List<String> levels() {
    return levels;
  }

  public SortedSet<String> compartments() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(compartments.values()));
  }

  /** Every nation known to the scheme, the owning nation included. */
  public SortedSet<String> nations() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(nations.values()));
  }

  /** The lowest level, no compartments, unrestricted releasability. */
  public Label lowest() {
    return Label.of(this, 0, Set.of(), Releasability.unrestricted());
  }

  /** The rank of a level, its name matched case-insensitively. */
  public int level(String name) {
    return findLevel(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown level '" + name + "' in " + this));
  }

  public String levelName(int rank) {
    return levels.get(checkRank(rank));
  }

  Optional<Integer> findLevel(String name) {
    return Optional.ofNullable(name).map(n -> ranks.get(key(n)));
  }

  Optional<String> findCompartment(String name) {
    return Optional.ofNullable(name).map(n -> compartments.get(key(n)));
  }

  Optional<String> findNation(String name) {
    return Optional.ofNullable(name).map(n -> nations.get(key(n)));
  }

  int checkRank(int rank) {
    if (rank < 0 || rank >= levels.size()) {
      throw new IllegalArgumentException(
          "level rank " + rank + " outside 0.." + (levels.size() - 1) + " of " + this);
    }
    return rank;
  }

  /** The scheme's spelling of every compartment, in sorted order; unknown ones are refused. */
  SortedSet<String> canonicalCompartments(Set<String> names) {
    SortedSet<String> canonical = new TreeSet<>();
    for (String name : Objects.requireNonNull(names, "compartments")) {
      canonical.add(
          findCompartment(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown compartment '" + name + "' in " + this)));
    }
    return Collections.unmodifiableSortedSet(canonical);
  }

  String canonicalNation(String name) {
    return findNation(name)
        .orElseThrow(
            () -> new IllegalArgumentException("unknown nation '" + name + "' in " + this));
  }

  private static Map<String, String> names(String kind, Set<String> names) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String name : names) {
      if (byKey.put(key(checkName(kind, name)), name) != null) {
        throw new IllegalArgumentException("duplicate " + kind + " '" + name + "'");
      }
    }
    return byKey;
  }

  private static String checkName(String kind, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid " + kind + " name '" + name + "'");
    }
    return name;
  }

  private static String key(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassificationScheme other
        && nation.equals(other.nation)
        && levels.equals(other.levels)
        && compartments.equals(other.compartments)
        && nations.equals(other.nations)
        && releasesUnmarked == other.releasesUnmarked;
  }

  @Override
  public int hashCode() {
    return Objects.hash(nation, levels, compartments, nations, releasesUnmarked);
  }

  @Override
  public String toString() {
    return "scheme " + nation;
  }
}
