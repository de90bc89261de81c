package dev.conversa.csat;

import java.util.Map;

/** The survey's words in the languages we ship; anything else gets English. */
final class CsatTexts {
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "es", Map.of(
                    "message", "¿Qué tal te hemos atendido? Valóranos del 1 al 5 (y cuéntanos por qué) aquí: %s",
                    "title", "¿Qué tal te hemos atendido?",
                    "score", "Tu valoración (1 = muy mal, 5 = excelente)",
                    "comment", "¿Algo que quieras contarnos?",
                    "nps", "¿Con qué probabilidad nos recomendarías (0 a 10)?",
                    "ces", "¿Qué facilidad tuvo resolver tu consulta (1 muy difícil a 7 muy fácil)?",
                    "send", "Enviar",
                    "thanks", "¡Gracias por tu respuesta!",
                    "answered", "Esta encuesta ya está respondida. ¡Gracias!"),
            "en", Map.of(
                    "message", "How did we do? Rate us from 1 to 5 (and tell us why) here: %s",
                    "title", "How did we do?",
                    "score", "Your rating (1 = very poor, 5 = excellent)",
                    "comment", "Anything you would like to tell us?",
                    "nps", "How likely are you to recommend us (0 to 10)?",
                    "ces", "How easy was it to get your issue solved (1 very hard to 7 very easy)?",
                    "send", "Send",
                    "thanks", "Thank you for your answer!",
                    "answered", "This survey has already been answered. Thank you!"));

    private CsatTexts() {
    }

    static String language(String... candidates) {
        for (String c : candidates) {
            if (c != null && c.length() >= 2 && TEXTS.containsKey(c.substring(0, 2).toLowerCase(java.util.Locale.ROOT))) {
                return c.substring(0, 2).toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "en";
    }

    static Map<String, String> of(String language) {
        return TEXTS.getOrDefault(language, TEXTS.get("en"));
    }
}
