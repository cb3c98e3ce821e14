/**
 * Property tests under plain JUnit 5: {@link org.civicportal.search.property.Property} checks a
 * number of samples drawn by a {@link org.civicportal.search.property.Generator}, each from its own
 * seed, and names the seed of a failing sample so that it can be drawn again. Test code only;
 * shared with portal-ejb's tests as this module's test-jar.
 */
package org.civicportal.search.property;
