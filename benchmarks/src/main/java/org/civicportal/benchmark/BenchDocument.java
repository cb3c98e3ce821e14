package org.civicportal.benchmark;

import java.time.LocalDate;
import org.civicportal.search.IndexDocument;

/**
 * A generated document: what the search index takes, plus the catalogue fields that PostgreSQL
 * stores and groups by ({@code IndexDocument} has no agency, category or date yet).
 *
 * @param number position in the generated sequence, 0 first; also its id
 * @param document the document as indexed, with its visibility label
 * @param agency owning agency
 * @param category topic of the page
 * @param updated last change
 */
public record BenchDocument(
    long number, IndexDocument document, String agency, String category, LocalDate updated) {}
