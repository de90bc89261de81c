package dev.conversa.channel.voice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted Asterisk Manager Interface peer on a random local port: it greets like Asterisk 20
 * ({@code Asterisk Call Manager/5.0.x}), answers {@code Challenge} (MD5), {@code Login} (checking the MD5 key of the
 * secret, as Asterisk does), {@code CoreSettings}, {@code Ping} and {@code Logoff}, and sends event frames read from
 * {@code src/test/resources/channel/asterisk} to every logged-in session. See the README there for the documentation
 * each frame follows.
 */
final class FakeAsterisk implements AutoCloseable {
    static final String CHALLENGE = "840415273";

    private final ServerSocket server;
    private final String username;
    private final String secret;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<String> refusedLogins = new CopyOnWriteArrayList<>();

    private record Session(Socket socket, OutputStream out) {
    }

    FakeAsterisk(String username, String secret) throws IOException {
        this.username = username;
        this.secret = secret;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-asterisk").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    int loggedIn() {
        return (int) sessions.stream().filter(s -> !s.socket().isClosed()).count();
    }

    List<String> refusedLogins() {
        return refusedLogins;
    }

    /** Sends the frames of a resource file (frames separated by blank lines) to every logged-in session. */
    void play(String resource) {
        try (InputStream in = FakeAsterisk.class.getResourceAsStream("/channel/asterisk/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no frames " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
            for (String frame : text.split("\n\\s*\n")) {
                if (!frame.startsWith("#")) {
                    broadcast(frame.strip().replace("\n", "\r\n") + "\r\n\r\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void broadcast(String frame) {
        for (Session s : sessions) {
            try {
                synchronized (s.out()) {
                    s.out().write(frame.getBytes(StandardCharsets.UTF_8));
                    s.out().flush();
                }
            } catch (IOException e) {
                sessions.remove(s);
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().name("fake-asterisk-session").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            write(out, "Asterisk Call Manager/5.0.3\r\n");
            Session session = new Session(socket, out);
            Map<String, String> action = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        action.put(line.substring(0, colon).strip().toLowerCase(), line.substring(colon + 1).strip());
                    }
                    continue;
                }
                if (action.isEmpty()) {
                    continue;
                }
                String id = action.getOrDefault("actionid", "");
                switch (action.getOrDefault("action", "").toLowerCase()) {
                    case "challenge" -> write(out, response("Success", id, "Challenge: " + CHALLENGE));
                    case "login" -> {
                        if (username.equals(action.get("username")) && md5(CHALLENGE + secret).equals(action.get("key"))) {
                            write(out, response("Success", id, "Message: Authentication accepted"));
                            write(out, "Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n");
                            sessions.add(session);
                        } else {
                            refusedLogins.add(String.valueOf(action.get("username")));
                            write(out, response("Error", id, "Message: Authentication failed"));
                            return; // Asterisk hangs up on a failed login
                        }
                    }
                    case "coresettings" -> write(out, response("Success", id, """
                            AMIversion: 5.0.3\r
                            AsteriskVersion: 20.5.0\r
                            SystemName: \r
                            CoreMaxCalls: 0\r
                            CoreMaxLoadAvg: 0.000000\r
                            CoreRunUser: asterisk\r
                            CoreRunGroup: asterisk\r
                            CoreMaxFilehandles: 0\r
                            CoreRealTimeEnabled: No\r
                            CoreCDRenabled: Yes\r
                            CoreHTTPenabled: No"""));
                    case "ping" -> write(out, response("Success", id, "Ping: Pong\r\nTimestamp: 1767225600.000000"));
                    case "logoff" -> {
                        write(out, response("Goodbye", id, "Message: Thanks for all the fish."));
                        sessions.remove(session);
                        return;
                    }
                    default -> write(out, response("Error", id, "Message: Invalid/unknown command"));
                }
                action.clear();
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            sessions.removeIf(s -> s.socket() == socket);
        }
    }

    private static String response(String kind, String actionId, String fields) {
        return "Response: " + kind + "\r\n" + (actionId.isEmpty() ? "" : "ActionID: " + actionId + "\r\n") + fields
                + "\r\n\r\n";
    }

    private static void write(OutputStream out, String s) throws IOException {
        synchronized (out) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Session s : sessions) {
            s.socket().close();
        }
    }
}
