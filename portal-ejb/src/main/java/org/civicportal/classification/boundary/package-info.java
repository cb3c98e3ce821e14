/** The tenant's classification scale as people see and set it: levels, compartments, release. */
package org.civicportal.classification.boundary;
