/** Mail waiting to be sent. */
package org.civicportal.notification.entity;
