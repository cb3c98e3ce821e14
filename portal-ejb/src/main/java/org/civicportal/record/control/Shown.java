package org.civicportal.record.control;

import java.util.Optional;

/**
 * How a record shows in a list of search results: its id, its address ({@code slug} of a service,
 * reference of a request, or none), its title and language, and the marking of a classified record
 * (absent for public content).
 */
public record Shown(
    long id, String slug, String language, String title, Optional<String> classification) {}
