/**
 * REST API v1 under {@code /api/v1}: JSON in and out, API-token authentication, RFC 9457 problem details on
 * every error. Controllers are thin: they translate HTTP to the modules' services.
 */
package dev.conversa.api;
