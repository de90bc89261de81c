/**
 * Work that runs on one node at a time: each inbox's poller or stream, timer jobs, the resubmission of incomplete
 * event publications. A {@link dev.conversa.lease.Lease} is a row in the database with a holder, an expiry and a
 * fencing token; {@link dev.conversa.lease.Leases} takes free leases, renews the ones it holds at a third of their
 * duration, and tells the work the moment one is lost. On a single node every lease is simply this node's.
 */
package dev.conversa.lease;
