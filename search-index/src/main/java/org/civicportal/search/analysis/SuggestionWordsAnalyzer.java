package org.civicportal.search.analysis;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words a language's titles and summaries offer as suggestions: the text chain's tokenizer,
 * elision or possessives, lower case and stop words, then each word written as {@linkplain
 * SuggestionWords folded form and written form}. No stemming and no folding of the written form: a
 * suggestion must be a word someone wrote. Numbers and one-letter words are left out; nobody needs
 * them completed.
 */
final class SuggestionWordsAnalyzer extends StopwordAnalyzerBase {

  private final UnaryOperator<TokenStream> beforeLowerCase;

  SuggestionWordsAnalyzer(CharArraySet stopWords, UnaryOperator<TokenStream> beforeLowerCase) {
    super(FoldingAnalyzer.withFoldedVariants(stopWords));
    this.beforeLowerCase = beforeLowerCase;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = beforeLowerCase.apply(source);
    result = new LowerCaseFilter(result);
    result = new StopFilter(result, stopwords);
    return new TokenStreamComponents(source, new FoldedAndWritten(result));
  }

  /** Keeps words with a letter and at least two characters, spelled folded + separator + word. */
  private static final class FoldedAndWritten extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    FoldedAndWritten(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      while (input.incrementToken()) {
        String word = term.toString();
        if (word.codePointCount(0, word.length()) >= 2
            && word.codePoints().anyMatch(Character::isLetter)) {
          term.setEmpty().append(SuggestionWords.term(word));
          return true;
        }
      }
      return false;
    }
  }
}
