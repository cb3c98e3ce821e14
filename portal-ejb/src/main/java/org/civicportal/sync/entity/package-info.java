/**
 * What sync keeps: devices, the change log, what each device holds, pushed operations, conflicts.
 */
package org.civicportal.sync.entity;
