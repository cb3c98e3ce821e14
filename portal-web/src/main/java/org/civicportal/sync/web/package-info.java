/** Pages for devices: the admins' device list, the conflicts page, the offline field app. */
package org.civicportal.sync.web;
