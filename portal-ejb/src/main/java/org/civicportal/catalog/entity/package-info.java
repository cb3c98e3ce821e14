/**
 * The public service catalogue: agencies, the services they publish and the services' translations.
 */
package org.civicportal.catalog.entity;
