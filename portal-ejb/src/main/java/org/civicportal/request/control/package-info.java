/** Reference numbers, the transactions that write requests, receipts and notifications. */
package org.civicportal.request.control;
