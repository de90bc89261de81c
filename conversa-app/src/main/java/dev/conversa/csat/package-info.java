/**
 * Customer satisfaction: after resolution a survey goes out on the conversation's own channel (1–5 and a
 * comment, optionally NPS and CES) in the customer's language; answers are stored per conversation and reported
 * per agent, team and channel.
 */
package dev.conversa.csat;
