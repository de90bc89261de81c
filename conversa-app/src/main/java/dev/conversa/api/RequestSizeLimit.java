package dev.conversa.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies over the configured size with 413, before anything is parsed or stored. Checks the declared
 * length and also counts the bytes actually read, so a chunked upload cannot slip past.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestSizeLimit.ApiProperties.class)
class RequestSizeLimit {

    /** @param maxRequestSize largest accepted API request body ({@code conversa.api.max-request-size}, default 1MB) */
    @ConfigurationProperties("conversa.api")
    record ApiProperties(DataSize maxRequestSize) {
        long limit() {
            return maxRequestSize == null ? DataSize.ofMegabytes(1).toBytes() : maxRequestSize.toBytes();
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiRequestSizeLimit(ApiProperties properties) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Limit(properties.limit()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body too large");
        }
    }

    static final class Limit extends OncePerRequestFilter {
        private final long limit;

        Limit(long limit) {
            this.limit = limit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > limit) {
                reject(response);
                return;
            }
            try {
                chain.doFilter(new Counted(request, limit), response);
            } catch (Exception e) {
                if (causedByTooLarge(e) && !response.isCommitted()) {
                    response.resetBuffer();
                    reject(response);
                    return;
                }
                throw e;
            }
        }

        private static boolean causedByTooLarge(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TooLarge) {
                    return true;
                }
            }
            return false;
        }

        private void reject(HttpServletResponse response) throws IOException {
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                    + "\"detail\":\"The request body exceeds the limit of " + limit + " bytes.\"}");
        }
    }

    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new TooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (read += n) > limit) {
                            throw new TooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
