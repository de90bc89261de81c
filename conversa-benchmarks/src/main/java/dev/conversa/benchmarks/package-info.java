package dev.conversa.benchmarks;
