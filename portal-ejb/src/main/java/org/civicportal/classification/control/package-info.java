/**
 * Security classification as a lattice: one tenant's {@link
 * org.civicportal.classification.control.ClassificationScheme}, {@link
 * org.civicportal.classification.control.Label}s ordered by dominance with {@code join} as their
 * least upper bound, {@link org.civicportal.classification.control.Clearance}s that never read up,
 * and the canonical banner syntax of {@link org.civicportal.classification.control.Marking}. Plain
 * immutable Java with no persistence or container dependency, so the policy can be checked by
 * property tests without a server.
 */
package org.civicportal.classification.control;
