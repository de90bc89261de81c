package dev.conversa.mention;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * A local Jetstream: a WebSocket endpoint at {@code /subscribe} (embedded Tomcat, JSR 356) that replays its events
 * as Jetstream does: those with {@code time_us} at or after the {@code cursor} query parameter, all of them without
 * one. The first connection can be dropped after a number of events, as a real server drops a connection.
 */
final class JetstreamReplayServer {
    /** One event as Jetstream sends it. */
    record Event(long timeUs, String json) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    /** The query string of each connection, in order. */
    final List<String> connections = new CopyOnWriteArrayList<>();
    volatile int dropFirstConnectionAfter = Integer.MAX_VALUE;
    /** Nothing is sent before the test opens it (its standing queries must exist first). */
    final CountDownLatch gate = new CountDownLatch(1);
    private final Tomcat tomcat = new Tomcat();

    JetstreamReplayServer start() throws IOException, LifecycleException {
        tomcat.setBaseDir(Files.createTempDirectory("jetstream-tomcat").toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", null);
        context.addServletContainerInitializer(new WsSci(), null);
        Tomcat.addServlet(context, "none", new HttpServlet() {
        });
        context.addServletMappingDecoded("/", "none");
        tomcat.getConnector();
        tomcat.start();
        ServerContainer container = (ServerContainer) context.getServletContext().getAttribute(ServerContainer.class.getName());
        JetstreamReplayServer server = this;
        try {
            container.addEndpoint(ServerEndpointConfig.Builder.create(Replay.class, "/subscribe")
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        @SuppressWarnings("unchecked")
                        public <T> T getEndpointInstance(Class<T> endpointClass) {
                            return (T) new Replay(server);
                        }
                    }).build());
        } catch (jakarta.websocket.DeploymentException e) {
            throw new IOException(e);
        }
        return this;
    }

    String url() {
        return "ws://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/subscribe";
    }

    void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    static final class Replay extends Endpoint {
        private final JetstreamReplayServer server;

        Replay(JetstreamReplayServer server) {
            this.server = server;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            String query = session.getQueryString() == null ? "" : session.getQueryString();
            server.connections.add(query);
            boolean first = server.connections.size() == 1;
            Map<String, List<String>> params = session.getRequestParameterMap();
            long cursor = params.containsKey("cursor") ? Long.parseLong(params.get("cursor").getFirst()) : Long.MIN_VALUE;
            Thread.ofVirtual().start(() -> {
                int sent = 0;
                try {
                    server.gate.await();
                    for (Event e : server.events) {
                        if (e.timeUs() < cursor) {
                            continue;
                        }
                        if (first && sent == server.dropFirstConnectionAfter) {
                            session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "dropped"));
                            return;
                        }
                        session.getBasicRemote().sendText(e.json());
                        sent++;
                    }
                } catch (IOException | IllegalStateException closed) {
                    // the client went away
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
