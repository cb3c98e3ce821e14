package org.civicportal.benchmark;

/** The shapes of query a citizen types, each measured on its own. */
public enum QueryKind {
  /** One word, e.g. {@code passeport}. */
  ONE_TERM,
  /** Two words, both required, e.g. {@code carte grise}. */
  TWO_TERMS,
  /** A quoted phrase, e.g. {@code "permis de conduire"}. */
  PHRASE,
  /** The start of a word, e.g. {@code alloc*}. */
  PREFIX
}
