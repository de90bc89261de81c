package dev.conversa.listening;
