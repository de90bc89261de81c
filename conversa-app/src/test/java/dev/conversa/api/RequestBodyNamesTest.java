package dev.conversa.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI document names a request body's schema by its simple class name: two body types with one name (two
 * nested {@code RuleInput} records did) make one of the endpoints show the other's body. Every body type of every
 * REST controller has a name of its own.
 */
class RequestBodyNamesTest {

    @Test
    void everyRequestBodyTypeHasItsOwnSchemaName() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Map<String, Set<String>> byName = new TreeMap<>();
        int bodies = 0;
        for (var candidate : scanner.findCandidateComponents("dev.conversa")) {
            Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            for (Method m : controller.getDeclaredMethods()) {
                for (Parameter p : m.getParameters()) {
                    Class<?> type = p.getType();
                    if (p.isAnnotationPresent(RequestBody.class) && type.getName().startsWith("dev.conversa")) {
                        byName.computeIfAbsent(type.getSimpleName(), k -> new TreeSet<>()).add(type.getName());
                        bodies++;
                    }
                }
            }
        }
        assertThat(bodies).as("request bodies found").isGreaterThan(20);
        assertThat(byName).allSatisfy((name, types) -> assertThat(types).as(name).hasSize(1));
    }
}
