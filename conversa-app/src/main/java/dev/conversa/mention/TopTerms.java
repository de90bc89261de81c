package dev.conversa.mention;

import dev.conversa.listening.Token;
import dev.conversa.listening.TokenCursor;
import dev.conversa.listening.TokenType;
import dev.conversa.mention.TopicFigures.Count;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words and hashtags most posts use, normalised as the matcher does (lower case, accents folded, elongations
 * squeezed). A post counts once per term. Spanish and English function words, words under three letters, numbers,
 * URLs and the bare word of a hashtag or mention (it has its own token) are left out.
 */
final class TopTerms {
    private static final Set<String> STOP_WORDS = Set.copyOf(List.of(
            // English
            "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
            "out", "has", "have", "his", "how", "its", "may", "new", "now", "see", "who", "did", "get", "got", "him",
            "she", "too", "use", "that", "this", "with", "from", "they", "them", "then", "than", "what", "when", "your",
            "been", "were", "will", "would", "there", "their", "about", "just", "into", "more", "some", "very", "also",
            "which", "only", "over", "such", "after", "again", "being", "because", "could", "should", "here", "still",
            // Spanish (accents folded)
            "que", "los", "las", "del", "por", "con", "una", "uno", "unos", "unas", "para", "como", "mas", "pero",
            "sus", "les", "este", "esta", "esto", "estos", "estas", "ese", "esa", "eso", "son", "sin", "sobre", "todo",
            "todos", "tambien", "hay", "muy", "ya", "fue", "ser", "era", "han", "hace", "porque", "cuando", "donde",
            "nos", "mis", "tus", "mi", "tu", "al", "lo", "le", "se", "me", "te", "es", "el", "la", "de", "en", "y",
            "otra", "otro", "vez", "desde", "hasta", "entre", "estoy", "estan", "tengo", "tiene", "nada"));

    private TopTerms() {
    }

    static List<Count> of(List<String> texts, int limit) {
        Map<String, Long> posts = new HashMap<>();
        for (String text : texts) {
            List<Token> tokens = TokenCursor.tokenize(text);
            Set<Integer> tagged = new HashSet<>();
            for (Token t : tokens) {
                if (t.type() == TokenType.HASHTAG || t.type() == TokenType.MENTION) {
                    tagged.add(t.position());
                }
            }
            Set<String> seen = new HashSet<>();
            for (Token t : tokens) {
                if (t.type() == TokenType.HASHTAG || counts(t) && !tagged.contains(t.position())) {
                    seen.add(t.term());
                }
            }
            seen.forEach(term -> posts.merge(term, 1L, Long::sum));
        }
        return posts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    private static boolean counts(Token t) {
        return t.type() == TokenType.WORD && t.term().length() >= 3 && !STOP_WORDS.contains(t.term())
                && !t.term().chars().allMatch(Character::isDigit);
    }

}
