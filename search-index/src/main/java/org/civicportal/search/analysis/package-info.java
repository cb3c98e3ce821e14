/**
 * Per-language text analysis: which tokenizer, stop words, stemmer and accent folding each
 * supported language gets, and the wrapper that picks a language's chain from a field's suffix. The
 * list of supported languages is defined here, in {@link
 * org.civicportal.search.analysis.LanguageAnalyzers}.
 */
package org.civicportal.search.analysis;
