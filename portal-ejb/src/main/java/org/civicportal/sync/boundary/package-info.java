/** Devices that work offline: registration and admin (Devices), pull and push (Sync), conflicts. */
package org.civicportal.sync.boundary;
