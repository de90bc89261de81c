package dev.conversa.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A small, realistic set of threads for when the shared data folder is not there (a user's fresh clone). */
final class BuiltInThreads {
    private BuiltInThreads() {
    }

    static List<DemoThread> all(Instant now) {
        List<DemoThread> out = new ArrayList<>();
        out.add(thread("VuelaYa", "laura_mtz", "Laura Martínez", "TWITTER", now.minus(Duration.ofHours(5)),
                "c:@VuelaYa llevo dos horas en la puerta B32 y nadie informa del retraso del VY1234. ¿Sale o no sale?",
                "b:@laura_mtz Hola Laura, sentimos la espera. El VY1234 sale con 40 minutos de retraso por la llegada tardía del avión. Te escribimos por DM para ayudarte con la conexión.",
                "c:Gracias, ya me habéis contestado por DM 🙏"));
        out.add(thread("VuelaYa", "jorge.p", "Jorge Pérez", "EMAIL", now.minus(Duration.ofHours(30)),
                "c:Buenos días, el 3 de mayo cancelaron mi vuelo Madrid-Lisboa y todavía no he recibido el reembolso. Localizador QX7Z2P. Sigo esperando respuesta desde hace tres semanas.",
                "b:Estimado Jorge: hemos revisado su reserva QX7Z2P. El reembolso de 184,50 € se emitió ayer y lo verá en su tarjeta en 5-7 días hábiles. Disculpe las molestias."));
        out.add(thread("VuelaYa", "mike_travels", "Mike Johnson", "TWITTER", now.minus(Duration.ofMinutes(50)),
                "c:@VuelaYa my bag didn't arrive in Barcelona on flight VY7711. File number BCNVY44120. Nobody answers the phone."));
        out.add(thread("VuelaYa", "sofia.r", "Sofía Ramírez", "WEBCHAT", now.minus(Duration.ofMinutes(12)),
                "c:Hola, ¿puedo llevar la sillita del bebé como equipaje de mano sin coste?",
                "b:¡Hola Sofía! Sí: la sillita de coche y el cochecito viajan gratis y puedes dejarlos en la puerta de embarque.",
                "c:Genial, muchas gracias 😊"));
        out.add(thread("VuelaYa", "+34600111222", "Pablo Ortega", "SMS", now.minus(Duration.ofHours(2)),
                "c:Mi tarjeta de embarque no carga en la app, vuelo mañana a las 6:10. ¿Qué hago?"));
        out.add(thread("VuelaYa", "emma_w", "Emma Wilson", "EMAIL", now.minus(Duration.ofDays(2)),
                "c:Hello, I was charged twice for seat selection on booking K8LM3Q (2 x 12 EUR). Could you refund the duplicate charge?",
                "b:Hi Emma, you are right: the second charge was a duplicate. We have refunded 12 EUR to your card today.",
                "c:Thank you, that was quick!"));
        out.add(thread("VuelaYa", "carlos_bcn", "Carlos Vidal", "TWITTER", now.minus(Duration.ofMinutes(25)),
                "c:Tercera vez este mes que @VuelaYa me cambia la hora del vuelo sin avisar. Vergonzoso. #nuncamas"));
        out.add(thread("VuelaYa", "ana.souza", "Ana Souza", "WEBCHAT", now.minus(Duration.ofHours(1)),
                "c:Olá! Vocês têm voos diretos de Lisboa para Sevilha em julho?"));
        return out;
    }

    private static DemoThread thread(String brand, String handle, String name, String channel, Instant start, String... lines) {
        List<DemoThread.Post> posts = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < lines.length; i++) {
            posts.add(new DemoThread.Post("demo-" + handle + "-" + i, lines[i].startsWith("c:"), lines[i].substring(2), at));
            at = at.plus(Duration.ofMinutes(7 + 11L * i));
        }
        return new DemoThread(brand, handle, name, channel, posts);
    }
}
