package dev.conversa.nlp;
