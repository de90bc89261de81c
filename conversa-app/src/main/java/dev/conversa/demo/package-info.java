/**
 * The demo workspace: real customer-support threads from {@code ../shared/data} when present, else a small
 * realistic built-in set, so a fresh clone shows a working contact center.
 */
package dev.conversa.demo;
