/**
 * Measurements of the portal's search, run on purpose and never by the build: JMH benchmarks of
 * {@code SearchIndex} against raw Lucene on the same index and against PostgreSQL full-text search
 * on the same documents, the deterministic document set they share, and the one command that runs
 * them all and prints a comparable table ({@link org.civicportal.benchmark.SearchBenchmarkMain}).
 */
package org.civicportal.benchmark;
