package dev.conversa.listening;

import java.text.Normalizer;

/**
 * Case and accent folding for single UTF-16 chars: {@code 'Á'} → {@code 'a'}, {@code 'ñ'} → {@code 'n'}.
 * Latin characters are folded through a precomputed table (built once from Unicode NFD decomposition);
 * other scripts are only lower-cased.
 */
final class Folding {

    static final int TABLE_SIZE = 0x250; // Basic Latin .. Latin Extended-B
    private static final char[] TABLE = buildTable();

    private Folding() {
    }

    /** Lower-cased, accent-free form of {@code c}. */
    static char fold(char c) {
        return c < TABLE_SIZE ? TABLE[c] : Character.toLowerCase(c);
    }

    /** Folds every char of {@code s} (no tokenisation, no elongation squeezing). */
    static String foldAll(String s) {
        char[] out = new char[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out[n++] = fold(c);
        }
        return new String(out, 0, n);
    }

    private static char[] buildTable() {
        char[] table = new char[TABLE_SIZE];
        for (int c = 0; c < TABLE_SIZE; c++) {
            char lower = Character.toLowerCase((char) c);
            String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
            char base = decomposed.charAt(0);
            boolean onlyMarksAfterBase = true;
            for (int i = 1; i < decomposed.length(); i++) {
                if (Character.getType(decomposed.charAt(i)) != Character.NON_SPACING_MARK) {
                    onlyMarksAfterBase = false;
                    break;
                }
            }
            table[c] = onlyMarksAfterBase && Character.isLetter(base) ? base : lower;
        }
        return table;
    }
}
