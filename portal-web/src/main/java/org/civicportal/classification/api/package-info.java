/** The Classification header of API responses, and the tenant's scale over REST. */
package org.civicportal.classification.api;
