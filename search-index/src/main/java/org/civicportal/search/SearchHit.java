package org.civicportal.search;

/**
 * One matching document.
 *
 * @param type kind of record, as indexed
 * @param id identifier of the record within its type
 * @param language language of the matching document
 * @param title plain text, to be escaped by whatever renders it
 * @param snippet HTML: the document's text around the matches, already escaped, with matches in
 *     {@code <mark>}...{@code </mark>}; safe to insert into a page as is
 */
public record SearchHit(String type, String id, String language, String title, String snippet) {}
