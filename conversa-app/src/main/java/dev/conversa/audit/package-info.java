/** The audit log: who did what, and when (assignments, status changes, merges, settings, logins). */
package dev.conversa.audit;
