package dev.conversa.nlp.lang;

/** What is not language in social text, removed before identifying a language. */
final class SocialText {
    private SocialText() {
    }

    /**
     * Drops URLs and @mentions and the '#' of hashtags; empty if no letter is left. Cuts at 2,000 chars. A URL glued
     * to the word before it ({@code marriagehttps://t.co/...}, as tweets often arrive) is dropped and the word kept.
     */
    static String clean(String text) {
        if (text == null) return "";
        int n = Math.min(text.length(), 2000);
        StringBuilder b = new StringBuilder(n);
        boolean letters = false;
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            int s = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) i++;
            if (s == i) break;
            char c = text.charAt(s);
            if (c == '@' || text.startsWith("http://", s) || text.startsWith("https://", s) || text.startsWith("www.", s)) {
                continue;
            }
            if (c == '#') s++;
            int end = wordEnd(text, s, i);
            if (end == s) continue;
            if (b.length() > 0) b.append(' ');
            for (int k = s; k < end; k++) {
                char ch = text.charAt(k);
                if (Character.isLetter(ch)) letters = true;
                b.append(ch);
            }
        }
        return letters ? b.toString() : "";
    }

    /** Where the word in [s, e) ends: at a URL glued to it, if any. */
    private static int wordEnd(String text, int s, int e) {
        for (int k = s; k + 7 <= e; k++) {
            if (text.charAt(k) == 'h' && (text.startsWith("http://", k) || text.startsWith("https://", k))) {
                return k;
            }
        }
        return e;
    }
}
