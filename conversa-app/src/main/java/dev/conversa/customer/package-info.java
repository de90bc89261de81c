/**
 * Customers: one profile per person, joining their identities on every channel, with custom attributes and notes.
 */
package dev.conversa.customer;
