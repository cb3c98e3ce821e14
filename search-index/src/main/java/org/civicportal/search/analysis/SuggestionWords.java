package org.civicportal.search.analysis;

import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.util.BytesRef;

/**
 * How a suggestion word is spelled in the index: its folded form (lower case, accents removed),
 * {@link #SEPARATOR}, then the word as written in lower case ({@code "demarche\u0001démarche"}).
 *
 * <p>Why both: terms sort by the folded form, so a prefix typed with or without accents finds the
 * same range of terms with one seek, and the written form after the separator is what the
 * suggestion shows. The separator sorts below every character a word can contain, so all spellings
 * of one folded word sit together.
 */
public final class SuggestionWords {

  /** Between the folded and the written form; never part of a token. */
  public static final char SEPARATOR = '\u0001';

  private SuggestionWords() {}

  /**
   * Lower case code point by code point, as Lucene's {@code LowerCaseFilter} does (not {@code
   * String.toLowerCase}, whose special cases differ), then folded to ASCII as the text fields are.
   */
  public static String fold(CharSequence word) {
    String lower = lowerCase(word);
    char[] in = lower.toCharArray();
    char[] out = new char[in.length * 4];
    int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return new String(out, 0, length);
  }

  /** Lower case, one code point at a time. */
  public static String lowerCase(CharSequence word) {
    StringBuilder lower = new StringBuilder(word.length());
    word.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
    return lower.toString();
  }

  /** The index term of a written word, already lower-cased. */
  static String term(String lowerCased) {
    return fold(lowerCased) + SEPARATOR + lowerCased;
  }

  /** The UTF-8 bytes every term of words starting with this folded prefix starts with. */
  public static BytesRef prefix(String folded) {
    return new BytesRef(folded.getBytes(StandardCharsets.UTF_8));
  }

  /** The folded form of a term, or the whole term if it has no separator. */
  public static String folded(BytesRef term) {
    int separator = separatorIn(term);
    return new String(term.bytes, term.offset, separator - term.offset, StandardCharsets.UTF_8);
  }

  /** The written form of a term, as a suggestion shows it. */
  public static String written(BytesRef term) {
    int separator = separatorIn(term);
    int end = term.offset + term.length;
    int start = Math.min(separator + 1, end);
    return new String(term.bytes, start, end - start, StandardCharsets.UTF_8);
  }

  private static int separatorIn(BytesRef term) {
    int end = term.offset + term.length;
    for (int i = term.offset; i < end; i++) {
      if (term.bytes[i] == SEPARATOR) {
        return i;
      }
    }
    return end;
  }
}
