package dev.conversa.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Single-pass, regex-free tokenizer for tweets and chat messages. Drops URLs and @mentions, keeps hashtag
 * bodies, splits emoji into their own tokens, recognises emoticons given at construction, counts '!' and '?'.
 * Thread-safe.
 */
public final class TweetTokenizer {

    /** Longest word kept; longer runs of letters (e.g. 10,000 x "a") are cut, so cost stays linear. */
    static final int MAX_WORD = 64;

    private final Set<String> emoticons;
    private final int maxEmoticonLength;

    /** @param emoticons emoticons to keep as single tokens, matched case-insensitively (e.g. ":d" matches ":D") */
    public TweetTokenizer(Set<String> emoticons) {
        java.util.Set<String> lower = new java.util.HashSet<>();
        for (String e : emoticons) lower.add(e.toLowerCase(java.util.Locale.ROOT));
        this.emoticons = Set.copyOf(lower);
        int max = 0;
        for (String e : this.emoticons) {
            max = Math.max(max, e.length());
        }
        this.maxEmoticonLength = max;
    }

    public TokenizedText tokenize(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return new TokenizedText(out, 0, 0, false);
        }
        int exclamations = 0, questions = 0;
        int words = 0, capsWords = 0;
        int n = text.length();
        int i = 0;
        StringBuilder word = new StringBuilder(24);
        while (i < n) {
            // skip whitespace
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int end = i; // chunk = text[start, end)
            char c0 = text.charAt(start);
            if (c0 == '@' && end - start > 1 || isUrl(text, start, end)) {
                continue;
            }
            // emoticon chunk (exact, or with trailing sentence punctuation)
            if (end - start <= maxEmoticonLength + 3 && maxEmoticonLength > 0) {
                String emo = emoticonAt(text, start, end);
                if (emo != null) {
                    out.add(new Token(Token.Kind.EMOTICON, emo, emo, null, null, false));
                    for (int k = start + emo.length(); k < end; k++) {
                        char c = text.charAt(k);
                        if (c == '!') exclamations++;
                        else if (c == '?') questions++;
                    }
                    continue;
                }
            }
            boolean hashtag = false;
            int k = start;
            while (k < end) {
                int cp = text.codePointAt(k);
                int len = Character.charCount(cp);
                if (Character.isLetterOrDigit(cp) || isInnerApostrophe(text, k, start, end, cp)) {
                    word.setLength(0);
                    int ws = k;
                    while (k < end) {
                        int c = text.codePointAt(k);
                        if (Character.isLetterOrDigit(c) || isInnerApostrophe(text, k, ws, end, c)) {
                            k += Character.charCount(c);
                        } else if (c == 0x200D || c == 0xFE0F || Character.getType(c) == Character.NON_SPACING_MARK) {
                            k += Character.charCount(c); // ignore joiners / combining marks inside a word
                        } else {
                            break;
                        }
                    }
                    Token t = word(text, ws, k, hashtag);
                    if (t != null) {
                        out.add(t);
                        words++;
                        if (t.allCaps()) capsWords++;
                    }
                    hashtag = false;
                    continue;
                }
                if (cp == '#') {
                    hashtag = true;
                } else if (cp == '!' || cp == '¡') {
                    if (cp == '!') exclamations++;
                    hashtag = false;
                } else if (cp == '?') {
                    questions++;
                    hashtag = false;
                } else if (isEmoji(cp)) {
                    String e = new String(Character.toChars(cp));
                    out.add(new Token(Token.Kind.EMOJI, e, e, null, null, false));
                    hashtag = false;
                } else {
                    hashtag = false;
                }
                k += len;
            }
        }
        boolean capsDiff = capsWords > 0 && capsWords < words;
        return new TokenizedText(out, exclamations, questions, capsDiff);
    }

    private String emoticonAt(String text, int start, int end) {
        int e = end;
        for (int strip = 0; strip <= 3 && e > start; strip++) {
            if (e - start <= maxEmoticonLength) {
                String s = text.substring(start, e).toLowerCase(java.util.Locale.ROOT);
                if (emoticons.contains(s)) {
                    return s;
                }
            }
            char last = text.charAt(e - 1);
            if (last == '.' || last == ',' || last == '!' || last == '?' || last == ';') {
                e--;
            } else {
                break;
            }
        }
        return null;
    }

    private static boolean isUrl(String t, int s, int e) {
        int len = e - s;
        if (len >= 4 && t.regionMatches(true, s, "www.", 0, 4)) return true;
        if (len >= 7 && t.regionMatches(true, s, "http", 0, 4)) {
            return t.indexOf("://", s) > 0 && t.indexOf("://", s) < e;
        }
        return false;
    }

    private static boolean isInnerApostrophe(String t, int k, int wordStart, int end, int cp) {
        if (cp != '\'' && cp != '\u2019') return false;
        return k > wordStart && k + 1 < end && Character.isLetter(t.charAt(k - 1)) && Character.isLetter(t.charAt(k + 1));
    }

    /** Emoji and pictographs (not letters, not ASCII punctuation). */
    public static boolean isEmoji(int cp) {
        if (cp >= 0x1F000 && cp <= 0x1FAFF) {
            return !(cp >= 0x1F3FB && cp <= 0x1F3FF); // skin tone modifiers are not emoji of their own
        }
        if (cp >= 0x2600 && cp <= 0x27BF) return true;
        if (cp >= 0x2B00 && cp <= 0x2BFF) return true;
        if (cp >= 0x2190 && cp <= 0x21FF) return true;
        if (cp >= 0x2300 && cp <= 0x23FF) return true;
        return cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139 || cp == 0x3030 || cp == 0x303D
                || cp == 0x00A9 || cp == 0x00AE;
    }

    private static Token word(String text, int s, int e, boolean hashtag) {
        int letters = 0, upper = 0;
        StringBuilder norm = new StringBuilder(Math.min(e - s, MAX_WORD));
        StringBuilder surface = new StringBuilder(Math.min(e - s, MAX_WORD));
        int k = s;
        while (k < e && norm.length() < MAX_WORD) {
            int c = text.codePointAt(k);
            k += Character.charCount(c);
            if (c == 0x200D || c == 0xFE0F || Character.getType(c) == Character.NON_SPACING_MARK) continue;
            surface.appendCodePoint(c);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) upper++;
            }
            if (c == '\u2019') c = '\'';
            norm.appendCodePoint(fold(Character.toLowerCase(c)));
        }
        if (norm.isEmpty()) return null;
        String n = norm.toString();
        String squeezed = squeeze(n, 2);
        String single = squeeze(n, 1);
        if (squeezed.equals(n)) squeezed = null;
        if (single.equals(n)) single = null;
        return new Token(hashtag ? Token.Kind.HASHTAG : Token.Kind.WORD, surface.toString(), n, squeezed, single,
                letters >= 2 && upper == letters);
    }

    /** Lower-case accent folding for Latin letters (keeps ñ and ç). */
    public static int fold(int c) {
        if (c < 0xE0 || c > 0xFF) return c;
        return switch (c) {
            case 'á', 'à', 'â', 'ä', 'ã' -> 'a';
            case 'é', 'è', 'ê', 'ë' -> 'e';
            case 'í', 'ì', 'î', 'ï' -> 'i';
            case 'ó', 'ò', 'ô', 'ö', 'õ' -> 'o';
            case 'ú', 'ù', 'û', 'ü' -> 'u';
            default -> c;
        };
    }

    /** Normalises a lexicon entry or any string the same way words are normalised. */
    public static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(fold(Character.toLowerCase(c == '\u2019' ? '\'' : c))));
        return b.toString();
    }

    /** Cuts every run of the same character to at most {@code max}; returns the same instance if none. */
    static String squeeze(String s, int max) {
        int n = s.length();
        boolean change = false;
        int run = 1;
        for (int i = 1; i < n; i++) {
            if (s.charAt(i) == s.charAt(i - 1)) {
                if (++run > max && Character.isLetter(s.charAt(i))) {
                    change = true;
                    break;
                }
            } else {
                run = 1;
            }
        }
        if (!change) return s;
        StringBuilder b = new StringBuilder(n);
        run = 0;
        char prev = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            run = (i > 0 && c == prev) ? run + 1 : 1;
            prev = c;
            if (run <= max || !Character.isLetter(c)) b.append(c);
        }
        return b.toString();
    }
}
