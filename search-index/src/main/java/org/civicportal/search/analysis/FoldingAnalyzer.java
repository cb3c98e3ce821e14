package org.civicportal.search.analysis;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chain shared by every language, with the language-specific steps plugged in:
 * standard tokenizer, a pre-lowercasing step (English possessives, French elision), lower case,
 * stop words, a stemmer, then ASCII folding.
 *
 * <p>Folding comes last, after the stemmer, so that the stemmer still sees the accented forms its
 * rules are written for, and so that "demarche" typed on a keyboard without accents and "démarche"
 * in the page end up as the same term: citizens often type without accents, and a portal that
 * answers nothing to "etat civil" fails them. The stop set also holds the folded form of each stop
 * word ("etait" for "était"): without it an unaccented stop word typed in a query would stay a
 * required term that no document contains, because the document's accented copy was removed.
 */
final class FoldingAnalyzer extends StopwordAnalyzerBase {

  private final UnaryOperator<TokenStream> beforeLowerCase;
  private final UnaryOperator<TokenStream> stemmer;

  FoldingAnalyzer(
      CharArraySet stopWords,
      UnaryOperator<TokenStream> beforeLowerCase,
      UnaryOperator<TokenStream> stemmer) {
    super(withFoldedVariants(stopWords));
    this.beforeLowerCase = beforeLowerCase;
    this.stemmer = stemmer;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = beforeLowerCase.apply(source);
    result = new LowerCaseFilter(result);
    result = new StopFilter(result, stopwords);
    result = stemmer.apply(result);
    result = new ASCIIFoldingFilter(result);
    return new TokenStreamComponents(source, result);
  }

  /** Used for prefix queries, which are not stemmed: lower case and fold as the index does. */
  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  static CharArraySet withFoldedVariants(CharArraySet stopWords) {
    CharArraySet all = new CharArraySet(stopWords, true);
    for (Object word : stopWords) {
      char[] chars = (char[]) word;
      char[] folded = new char[chars.length * 4];
      int length = ASCIIFoldingFilter.foldToASCII(chars, 0, folded, 0, chars.length);
      all.add(new String(folded, 0, length));
    }
    return CharArraySet.unmodifiableSet(all);
  }
}
