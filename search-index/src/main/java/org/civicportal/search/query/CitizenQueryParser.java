package org.civicportal.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.civicportal.search.schema.SearchFields;

/**
 * Parses search-box text with Lucene's {@link SimpleQueryParser}, which never throws on syntax: a
 * stray quote or bracket is taken as text, so any string a citizen types gives a query.
 *
 * <p>Offered syntax: words (all required: someone who types two words wants both), {@code "a
 * phrase"}, {@code -excluded}, {@code pass*}, {@code a | b}, the literal {@code a OR b}, brackets
 * and {@code \} escapes. Fuzzy ({@code word~}) and proximity ({@code "a b"~3}) operators are left
 * out: nobody types them in a public search box, and each fuzzy term expands into dozens of terms.
 *
 * <p>A prefix also matches from its stem: the index holds stems, so "demarche*" must look for terms
 * starting with "demarch" and "apply*" for "appli". Known gap: the French stemmer leaves words of
 * four letters or fewer alone but folds doubled letters in longer ones ("passeport" is indexed as
 * "paseport"), so "pass*" does not match "passeport" while "passe*" and "passep*" do.
 *
 * <p>Each language is parsed on its own fields and the languages are OR-ed, so a word that is a
 * stop word in one language (English "the") does not become a required term in the other.
 */
public final class CitizenQueryParser {

  static final int OPERATORS =
      SimpleQueryParser.AND_OPERATOR
          | SimpleQueryParser.NOT_OPERATOR
          | SimpleQueryParser.OR_OPERATOR
          | SimpleQueryParser.PREFIX_OPERATOR
          | SimpleQueryParser.PHRASE_OPERATOR
          | SimpleQueryParser.PRECEDENCE_OPERATORS
          | SimpleQueryParser.ESCAPE_OPERATOR
          | SimpleQueryParser.WHITESPACE_OPERATOR;

  // A word in the title says far more about what a page is for than the same word in its body;
  // the summary sits in between. Text extracted from attached files is the record's too, but less
  // edited and often boilerplate, so it weighs a little less than the body. BM25 then weighs term
  // rarity and field length within each field.
  private static final float TITLE_BOOST = 3.0f;
  private static final float SUMMARY_BOOST = 1.5f;
  private static final float BODY_BOOST = 1.0f;
  private static final float ATTACHMENTS_BOOST = 0.8f;

  private static final String OR_WORD = " OR ";

  private final Analyzer analyzer;

  /** Parses with the index's analyzer, which must pick each field's chain by language. */
  public CitizenQueryParser(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * The query for the text over the given languages, or empty when the text leaves nothing to
   * search for (blank, only stop words or punctuation, or too many clauses). Never throws on any
   * text.
   */
  public Optional<Query> parse(String text, Collection<String> languages) {
    String withOperators = translateOr(text);
    List<Query> perLanguage = new ArrayList<>();
    try {
      for (String language : new LinkedHashSet<>(languages)) {
        Query query = parser(language).parse(withOperators);
        if (!(query instanceof MatchNoDocsQuery)) {
          perLanguage.add(query);
        }
      }
      return Optional.ofNullable(anyOf(perLanguage));
    } catch (IndexSearcher.TooManyClauses e) {
      // A pasted wall of words: matching it is meaningless, answering nothing is honest.
      return Optional.empty();
    }
  }

  /**
   * Replaces the word OR, upper case and between spaces, with SimpleQueryParser's {@code |}; a
   * lower-case "or" stays an ordinary word. Quoted phrases and escaped characters are left alone.
   */
  static String translateOr(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inPhrase = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
      } else if (!inPhrase && text.startsWith(OR_WORD, i)) {
        // Keep the trailing space unread so that "a OR OR b" translates both.
        out.append(" |");
        i += OR_WORD.length() - 1;
      } else {
        inPhrase ^= c == '"';
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private SimpleQueryParser parser(String language) {
    // Insertion order keeps the clause order, and so the scores' floating-point sums, stable.
    Map<String, Float> weights = new LinkedHashMap<>();
    weights.put(SearchFields.title(language), TITLE_BOOST);
    weights.put(SearchFields.summary(language), SUMMARY_BOOST);
    weights.put(SearchFields.body(language), BODY_BOOST);
    weights.put(SearchFields.attachments(language), ATTACHMENTS_BOOST);
    SimpleQueryParser parser = new StemmedPrefixParser(analyzer, weights);
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    return parser;
  }

  private static Query anyOf(List<Query> queries) {
    if (queries.size() <= 1) {
      return queries.isEmpty() ? null : queries.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    queries.forEach(query -> any.add(query, BooleanClause.Occur.SHOULD));
    return any.build();
  }

  /** Adds, to each prefix query, the same prefix as the index would stem it. */
  private static final class StemmedPrefixParser extends SimpleQueryParser {

    StemmedPrefixParser(Analyzer analyzer, Map<String, Float> weights) {
      super(analyzer, weights, OPERATORS);
    }

    @Override
    protected Query newPrefixQuery(String text) {
      Query asTyped = super.newPrefixQuery(text);
      String field = weights.keySet().iterator().next();
      String stem = singleTerm(field, text);
      if (stem == null || stem.equals(getAnalyzer().normalize(field, text).utf8ToString())) {
        return asTyped;
      }
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      either.add(asTyped, BooleanClause.Occur.SHOULD);
      for (Map.Entry<String, Float> weight : weights.entrySet()) {
        Query stemmed = new PrefixQuery(new Term(weight.getKey(), stem));
        either.add(new BoostQuery(stemmed, weight.getValue()), BooleanClause.Occur.SHOULD);
      }
      return either.build();
    }

    /** The text analysed as the field would be, if it gives exactly one term. */
    private String singleTerm(String field, String text) {
      try (TokenStream stream = getAnalyzer().tokenStream(field, text)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        String only = stream.incrementToken() ? term.toString() : null;
        boolean more = stream.incrementToken();
        stream.end();
        return more ? null : only;
      } catch (IOException e) {
        // Analysing a String cannot fail; keep the prefix as typed if it somehow does.
        return null;
      }
    }
  }
}
