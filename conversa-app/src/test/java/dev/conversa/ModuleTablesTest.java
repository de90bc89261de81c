package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, done-means 3: a module's SQL reads and writes its own tables only; another module's data comes through
 * that module's API, where {@link ModularityTest} can see the dependency. Tables come from the Flyway migrations; a
 * table belongs to the one module whose SQL inserts into it (tables no module's SQL writes belong to the frameworks:
 * the event publication registry, Spring Session). The SQL is every string literal and text block of a module's main
 * sources with {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE} or {@code DELETE FROM} before a table's name.
 */
class ModuleTablesTest {
    private static final Path MAIN = Path.of("src/main/java/dev/conversa");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern SQL = Pattern.compile("\\b(FROM|JOIN|INTO|UPDATE)\\s+([a-z_][a-z0-9_]*)");

    /**
     * Reads across modules that were there before this check, each a debt to pay by moving the query behind the
     * owning module's API (module → the other module's tables it still reads). Nothing may be added here.
     */
    private static final Map<String, Set<String>> KNOWN = Map.of(
            "audit", Set.of("app_user"),
            "conversation", Set.of("customer", "customer_identity", "sla_timer"));

    record Use(String module, String file, String table, boolean write) {
    }

    @Test
    void noModuleReadsAnotherModulesTables() {
        Set<String> tables = tables();
        List<Use> uses = uses(tables);
        Map<String, String> owners = owners(uses);
        assertThat(owners).as("the outbound queue, the conversation's messages, the inbox: each has its module")
                .containsEntry("message", "conversation").containsEntry("outbound_delivery", "channel")
                .containsEntry("inbox", "channel");
        Map<String, Set<String>> crossing = new TreeMap<>();
        for (Use u : uses) {
            String owner = owners.get(u.table());
            if (owner != null && !owner.equals(u.module()) && !KNOWN.getOrDefault(u.module(), Set.of()).contains(u.table())) {
                crossing.computeIfAbsent(u.module() + " reads " + owner + "'s " + u.table(), k -> new TreeSet<>()).add(u.file());
            }
        }
        assertThat(crossing).as("SQL reaching into another module's tables; go through that module's API").isEmpty();
    }

    @Test
    void theCheckSeesAQueryInAnotherModulesTable() {
        var uses = List.of(new Use("conversation", "MessageRepository.java", "message", true),
                new Use("channel", "OutboundQueue.java", "outbound_delivery", true));
        Map<String, String> owners = owners(uses);
        List<Use> found = sql("channel", "Sneaky.java", """
                class Sneaky { String q = \"""
                    SELECT external_id FROM message m JOIN outbound_delivery d ON d.message_id = m.id\""";
                    String c = "UPDATE message SET body = ?"; }""", Set.of("message", "outbound_delivery"));
        assertThat(found).extracting(Use::table).containsExactly("message", "outbound_delivery", "message");
        assertThat(found.stream().filter(u -> !owners.get(u.table()).equals(u.module()))).hasSize(2);
    }

    private static Set<String> tables() {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            files.filter(p -> p.toString().endsWith(".sql")).forEach(p -> {
                Matcher m = CREATE.matcher(read(p));
                while (m.find()) {
                    out.add(m.group(1).toLowerCase());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(out).as("tables in the migrations").hasSizeGreaterThan(20);
        return out;
    }

    private static List<Use> uses(Set<String> tables) {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java") && MAIN.relativize(p).getNameCount() > 1)
                    .flatMap(p -> sql(MAIN.relativize(p).getName(0).toString(), p.getFileName().toString(), read(p), tables)
                            .stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Use> sql(String module, String file, String source, Set<String> tables) {
        List<Use> out = new java.util.ArrayList<>();
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            Matcher m = SQL.matcher(text);
            while (m.find()) {
                if (tables.contains(m.group(2))) {
                    out.add(new Use(module, file, m.group(2), m.group(1).equals("INTO")));
                }
            }
        }
        return out;
    }

    /** Each table to the one module that inserts into it; two writers is itself a failure. */
    private static Map<String, String> owners(List<Use> uses) {
        Map<String, Set<String>> writers = new HashMap<>();
        uses.stream().filter(Use::write).forEach(u -> writers.computeIfAbsent(u.table(), k -> new TreeSet<>()).add(u.module()));
        Map<String, String> out = new HashMap<>();
        writers.forEach((table, modules) -> {
            assertThat(modules).as("modules writing " + table).hasSize(1);
            out.put(table, modules.iterator().next());
        });
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
