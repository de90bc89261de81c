/** The agent console: server-rendered pages (Thymeleaf, htmx) and live updates over server-sent events. */
package dev.conversa.web;
