package org.civicportal.benchmark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicportal.search.Audience;
import org.civicportal.search.SearchLanguages;

/**
 * The fixed queries: for each kind, four French and four English searches a citizen or an employee
 * would type about the corpus's subjects, each for one of three audiences in turn. The benchmark
 * cycles through a kind's queries, so a result is their mix, not one lucky word.
 */
public final class QuerySet {

  /** An employee of the north tenant: up to level 2, compartments alpha and bravo, French. */
  static final Audience NORTH_STAFF = new Audience("north", 2, Set.of("alpha", "bravo"), "FRA");

  /** An employee of the south tenant: up to level 1, compartment charlie, American. */
  static final Audience SOUTH_STAFF = new Audience("south", 1, Set.of("charlie"), "USA");

  /** A member of the public in the north tenant. */
  static final Audience NORTH_PUBLIC = Audience.publicOf("north");

  private static final List<Audience> AUDIENCES = List.of(NORTH_STAFF, SOUTH_STAFF, NORTH_PUBLIC);

  private static final Map<QueryKind, Map<String, List<String>>> TEXTS =
      new EnumMap<>(QueryKind.class);

  static {
    TEXTS.put(
        QueryKind.ONE_TERM,
        Map.of(
            "fr", List.of("passeport", "retraite", "logement", "chômage"),
            "en", List.of("passport", "pension", "visa", "benefits")));
    TEXTS.put(
        QueryKind.TWO_TERMS,
        Map.of(
            "fr",
                List.of(
                    "carte grise", "allocation logement", "permis construire", "congé maternité"),
            "en", List.of("child benefit", "income tax", "student loan", "driving licence")));
    TEXTS.put(
        QueryKind.PHRASE,
        Map.of(
            "fr",
                List.of(
                    "\"permis de conduire\"",
                    "\"carte d'identité\"",
                    "\"acte de naissance\"",
                    "\"sécurité sociale\""),
            "en",
                List.of(
                    "\"income tax\"",
                    "\"social security\"",
                    "\"national insurance\"",
                    "\"health care\"")));
    TEXTS.put(
        QueryKind.PREFIX,
        Map.of(
            "fr", List.of("alloc*", "déménag*", "inscri*", "handicap*"),
            "en", List.of("pension*", "regist*", "employ*", "disab*")));
  }

  private QuerySet() {}

  /** The queries of one kind, French and English alternating, audiences in turn. */
  public static List<BenchQuery> of(QueryKind kind) {
    List<BenchQuery> queries = new ArrayList<>();
    List<String> french = TEXTS.get(kind).get("fr");
    List<String> english = TEXTS.get(kind).get("en");
    for (int i = 0; i < french.size(); i++) {
      queries.add(query(kind, "fr", french.get(i), queries.size()));
      queries.add(query(kind, "en", english.get(i), queries.size()));
    }
    queries.removeIf(query -> !SearchLanguages.isSupported(query.language()));
    return List.copyOf(queries);
  }

  private static BenchQuery query(QueryKind kind, String language, String text, int position) {
    return new BenchQuery(kind, language, text, AUDIENCES.get(position % AUDIENCES.size()));
  }
}
