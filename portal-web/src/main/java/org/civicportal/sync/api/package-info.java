/** REST for devices and sync: registration and admin, the change feed, push, conflicts. */
package org.civicportal.sync.api;
