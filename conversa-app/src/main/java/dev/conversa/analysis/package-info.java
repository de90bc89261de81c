/**
 * Language and sentiment of every customer message, using the conversa-nlp library: the shipped default, or a
 * model the workspace trained from its agents' corrections.
 */
package dev.conversa.analysis;
