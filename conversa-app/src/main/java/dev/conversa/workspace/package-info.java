/**
 * Workspaces (the brands, or the clients of an outsourcer), their people, teams, agent status and API tokens.
 * Every other module's data belongs to exactly one workspace.
 */
package dev.conversa.workspace;
