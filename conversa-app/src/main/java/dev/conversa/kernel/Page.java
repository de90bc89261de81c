package dev.conversa.kernel;

import java.util.List;
import java.util.function.Function;

/** One page of a listing, with the total so clients can page through it. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
