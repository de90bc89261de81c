package dev.conversa.demo;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
final class Csv {
    private Csv() {
    }

    static List<List<String>> parse(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int c;
        while ((c = in.read()) != -1) {
            if (quoted) {
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        c = next;
                        if (handle(c, row, field, rows)) {
                            row = new ArrayList<>();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (handle(c, row, field, rows)) {
                row = new ArrayList<>();
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** Returns true when the character ended a row. */
    private static boolean handle(int c, List<String> row, StringBuilder field, List<List<String>> rows) {
        if (c == ',') {
            row.add(field.toString());
            field.setLength(0);
        } else if (c == '\n') {
            row.add(field.toString());
            field.setLength(0);
            rows.add(row);
            return true;
        } else if (c != '\r') {
            field.append((char) c);
        }
        return false;
    }
}
