package dev.conversa.benchmarks.listening;

import dev.conversa.listening.Post;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic listening workload shared by the matcher and Lucene Monitor benchmarks.
 *
 * <p>Posts are tweet-length (about 200 bytes) Spanish or English texts drawn from a vocabulary of common words
 * (Zipf-distributed), customer-care topic words, brand names (a catalogue of 50,000 brand-like names, mentioned
 * with a Zipf skew so a few are very popular), hashtags, mentions, URLs, emoji, elongations and mixed case.
 * The posts are the same whatever the number of queries.
 *
 * <p>Queries are what workspaces monitor: each is about a brand (sometimes with competitors) and mixes keywords,
 * hashtags/mentions, phrases, booleans with exclusions, wildcards, proximity and language filters; a small share
 * (0.3%) are brand-less topic queries on common words.
 */
public final class ListeningWorkload {

    static final String[] ES = (
            "de la que el en y a los se del las un por con no una su para es al lo como más pero sus le ya o "
            + "este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos "
            + "durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro "
            + "otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo "
            + "nosotros mi mis tú te ti tu tus ellas nosotras vosotros os mío mía tuyo suyo nuestro hoy ayer "
            + "mañana siempre nunca otra vez gracias hola buenos días tarde noche semana mes año gente casa "
            + "trabajo vida tiempo mundo país ciudad calle amigo familia madre padre hijo dinero cosa forma "
            + "parte caso momento verdad lugar punto problema solución pregunta respuesta mensaje correo "
            + "teléfono llamada tienda pedido compra envío paquete precio oferta descuento factura cuenta "
            + "tarjeta pago cobro banco vuelo avión aeropuerto maleta equipaje asiento billete reserva hotel "
            + "viaje tren metro coche servicio cliente clientes atención soporte ayuda queja reclamación "
            + "reembolso devolución retraso cancelado cancelación esperando espera horas días minutos semanas "
            + "nuevo nueva mejor peor bueno buena malo mala pésimo excelente genial increíble horrible fatal "
            + "rápido lento caro barato gratis fácil difícil feliz triste enfadado harto cansado contento "
            + "quiero tengo tiene tienen hacer hace hizo puede pueden sé saber decir dice dijo ver veo ir voy "
            + "va vamos venir viene llegar llega llegó salir sale pagar pagué cobrar cobraron devolver "
            + "responder responden contestar funciona funcionar app web aplicación internet fibra móvil línea "
            + "red señal cobertura batería pantalla actualización error fallo caída").split(" ");

    static final String[] EN = (
            "the be to of and a in that have i it for not on with he as you do at this but his by from they "
            + "we say her she or an will my one all would there their what so up out if about who get which "
            + "go me when make can like time no just him know take people into year your good some could them "
            + "see other than then now look only come its over think also back after use two how our work "
            + "first well way even new want because any these give day most us is are was were been has had "
            + "today yesterday tomorrow always never again thanks thank please hello hi morning night week "
            + "month hours minutes days still already really very too much many more less best worst better "
            + "worse great awesome amazing terrible awful horrible bad love hate happy angry sad tired fast "
            + "slow cheap expensive free easy hard order package delivery shipping store price deal discount "
            + "bill account card payment charge charged bank flight plane airport bag baggage luggage seat "
            + "ticket booking hotel trip train car service customer customers support help complaint refund "
            + "return delay delayed cancelled cancel waiting wait answer reply email phone call message app "
            + "website online internet wifi mobile network signal battery screen update error issue problem "
            + "fix fixed broken working crash down outage team staff agent manager crew gate lost found "
            + "stuck late early home family friend money thing life world city").split(" ");

    static final String[] TOPICS = {"reembolso", "refund", "retraso", "delay", "cancelado", "cancelled", "queja",
        "complaint", "atención", "service", "maleta", "baggage", "cobro", "charge", "factura", "bill", "app",
        "caída", "outage", "pedido", "order", "envío", "delivery", "devolución", "return", "soporte", "support"};
    static final String[] TOPIC_PREFIXES = {"reembols", "refund", "retras", "delay", "cancel", "quej", "complain",
        "cobr", "charg", "factur", "devol", "return", "envi", "deliver", "atenci", "servic", "soport", "support"};
    static final String[] PRODUCTS = {"app", "tarjeta", "card", "fibra", "móvil", "phone", "vuelo", "flight",
        "pedido", "order", "tienda", "store", "web", "cuenta", "account", "seguro", "plan", "tv", "router"};
    static final String[] PHRASES_ES = {"atención al cliente", "servicio al cliente", "sin respuesta",
        "otra vez", "muy mal", "por favor", "nunca más", "lista de espera", "cobro indebido", "fuera de servicio"};
    static final String[] PHRASES_EN = {"customer service", "no answer", "never again", "still waiting",
        "worst service", "thank you", "on hold", "out of service", "double charged", "lost luggage"};
    static final String[] EMOJI = {"😡", "😂", "❤️", "👍", "🙏", "😭", "✈️", "🔥", "😤", "💔", "👏🏽", "🇪🇸", "🇲🇽"};
    static final String[] EXCLUSIONS = {"sorteo", "giveaway", "concurso", "contest", "rt", "spam", "promo"};

    /** Brand catalogue size; posts and queries draw brands from it. */
    public static final int BRANDS = 50_000;
    static final String[] BRAND_NAMES = brands(BRANDS);

    private final SplittableRandom random;

    public ListeningWorkload(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private static String[] brands(int n) {
        String[] onsets = {"b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "x", "qu",
            "tr", "br", "cr", "gl", "pl", "st", "sp", "fl", "dr"};
        String[] vowels = {"a", "e", "i", "o", "u", "ia", "io", "ea", "y"};
        String[] codas = {"", "", "", "n", "x", "r", "s", "l", "k", "tz", "ck"};
        SplittableRandom r = new SplittableRandom(2024);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < n) {
            StringBuilder sb = new StringBuilder();
            int syllables = 2 + r.nextInt(2);
            for (int i = 0; i < syllables; i++) {
                sb.append(onsets[r.nextInt(onsets.length)]).append(vowels[r.nextInt(vowels.length)]);
            }
            sb.append(codas[r.nextInt(codas.length)]);
            String name = sb.toString();
            names.add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        return names.toArray(String[]::new);
    }

    // ------------------------------------------------------------------------------------------- posts

    /** {@code count} posts of about 200 bytes, half Spanish, half English. */
    public List<Post> posts(int count) {
        List<Post> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(post());
        }
        return posts;
    }

    private Post post() {
        boolean spanish = random.nextBoolean();
        String[] words = spanish ? ES : EN;
        String[] phrases = spanish ? PHRASES_ES : PHRASES_EN;
        int target = 170 + random.nextInt(60);
        StringBuilder sb = new StringBuilder(260);
        if (random.nextInt(3) == 0) {
            sb.append('@').append(brand()).append(' ');
        }
        int brandMentions = random.nextInt(10) < 7 ? 1 + random.nextInt(2) : 0;
        while (utf8Length(sb) < target) {
            int r = random.nextInt(100);
            if (r < brandMentions * 6) {
                String b = brand();
                sb.append(random.nextInt(4) == 0 ? "#" + b : random.nextInt(6) == 0 ? b.toUpperCase() : b);
            } else if (r < 20) {
                sb.append(TOPICS[random.nextInt(TOPICS.length)]);
            } else if (r < 24) {
                sb.append(PRODUCTS[random.nextInt(PRODUCTS.length)]);
            } else if (r < 26) {
                sb.append(phrases[random.nextInt(phrases.length)]);
            } else if (r < 29) {
                sb.append(EMOJI[random.nextInt(EMOJI.length)]);
            } else if (r < 31) {
                sb.append('#').append(TOPICS[random.nextInt(TOPICS.length)]);
            } else if (r < 32) {
                sb.append("https://t.co/").append(Long.toString(random.nextLong() & 0xFFFFFFFFFL, 36));
            } else {
                String w = zipf(words);
                if (random.nextInt(40) == 0) {
                    w = w + String.valueOf(w.charAt(w.length() - 1)).repeat(3); // elongation
                } else if (random.nextInt(15) == 0) {
                    w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                }
                sb.append(w);
            }
            sb.append(random.nextInt(8) == 0 ? (random.nextBoolean() ? ", " : ". ") : " ");
        }
        String lang = spanish ? "es" : "en";
        return new Post(sb.toString().strip(), lang, "user" + random.nextInt(1_000_000), spanish ? "es" : "us",
                "twitter.com", "twitter");
    }

    private static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private String zipf(String[] words) {
        double u = random.nextDouble();
        int i = (int) Math.floor(Math.pow(words.length + 1.0, u)) - 1; // ~ 1/rank
        return words[Math.min(i, words.length - 1)];
    }

    /** A brand, skewed towards popular ones (rank ~ Zipf over the catalogue). */
    private String brand() {
        double u = random.nextDouble();
        int i = (int) Math.floor(Math.pow(BRANDS + 1.0, u)) - 1;
        return BRAND_NAMES[Math.min(i, BRANDS - 1)];
    }

    // ------------------------------------------------------------------------------------------- queries

    /** {@code count} query strings in the listening query language. */
    public List<String> queries(int count) {
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(query());
        }
        return queries;
    }

    private String query() {
        String brand = BRAND_NAMES[random.nextInt(BRANDS)].toLowerCase();
        int r = random.nextInt(100);
        if (r < 15) {
            return brand;
        }
        if (r < 25) {
            return brand + " OR #" + brand + " OR @" + brand;
        }
        if (r < 35) {
            return "\"" + brand + " " + PRODUCTS[random.nextInt(PRODUCTS.length)] + "\"";
        }
        if (r < 45) {
            return "(" + brand + " OR #" + brand + ") AND (" + pick(TOPICS) + " OR " + pick(TOPICS) + " OR \""
                    + pick(random.nextBoolean() ? PHRASES_ES : PHRASES_EN) + "\") -" + pick(EXCLUSIONS);
        }
        if (r < 55) {
            return brand + " AND (" + pick(TOPIC_PREFIXES) + "* OR " + pick(TOPIC_PREFIXES) + "*)";
        }
        if (r < 60) {
            return brand.substring(0, Math.max(4, brand.length() - 2)) + "* AND " + pick(TOPICS);
        }
        if (r < 72) {
            return brand + " NEAR/" + (1 + random.nextInt(4)) + " (" + pick(TOPIC_PREFIXES) + "* OR " + pick(TOPICS)
                    + ")";
        }
        if (r < 77) {
            return brand + " ONEAR/2 " + pick(PRODUCTS);
        }
        if (r < 88) {
            String c1 = BRAND_NAMES[random.nextInt(BRANDS)].toLowerCase();
            String c2 = BRAND_NAMES[random.nextInt(BRANDS)].toLowerCase();
            return "(" + brand + " OR " + c1 + " OR " + c2 + ") AND lang:" + (random.nextBoolean() ? "es" : "en");
        }
        if (r < 99 || random.nextInt(10) < 7) {
            return "(@" + brand + " OR #" + brand + ") AND (" + pick(EMOJI) + " OR " + pick(TOPICS) + ") NOT "
                    + pick(EXCLUSIONS) + " NOT " + pick(EXCLUSIONS);
        }
        // 0.3%: brand-less topic queries on common words
        return "\"" + pick(random.nextBoolean() ? PHRASES_ES : PHRASES_EN) + "\" AND (" + pick(TOPICS) + " OR "
                + pick(TOPIC_PREFIXES) + "*) AND (" + pick(PRODUCTS) + " OR " + pick(EMOJI) + ")";
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
