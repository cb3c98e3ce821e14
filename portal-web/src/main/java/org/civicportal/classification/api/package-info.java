/** The Classification header of API responses. */
package org.civicportal.classification.api;
