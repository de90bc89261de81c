package dev.conversa.workspace;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two doors. {@code /api/**} takes API tokens only (stateless, so no cookie can be replayed and CSRF does not
 * apply). Everything else is the console: form login, a session, CSRF on every form. Provider webhooks
 * ({@code /hooks/**}) and the public chat widget ({@code /widget/**}) are open here because each channel
 * adapter verifies its own provider's signature or the widget's visitor token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstallationProperties.class)
class SecurityConfig {

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_SUPERVISOR
                ROLE_SUPERVISOR > ROLE_AGENT
                """);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                // No anonymous token and no servlet-API request wrapper: API code reads the token's actor from the
                // security context, and an unauthenticated request still reaches the 401 entry point below.
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/workspaces", "/api/v1/workspaces/*/tokens", "/api/v1/workspaces/*/users")
                        .authenticated()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemResponses.write(req, res, 401, "Unauthorized",
                                "Send an API token as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((req, res, ex) -> ProblemResponses.write(req, res, 403, "Forbidden",
                                "Your role does not allow this.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**", "/webjars/**")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/hooks/**", "/widget/**").permitAll()
                        // a listening alert feed's URL holds its secret: feed readers send no token (AlertApi)
                        .requestMatchers("/feeds/**").permitAll()
                        // a one-time link to set a password is its own credential (PasswordLinks)
                        .requestMatchers("/account/password/*").permitAll()
                        .requestMatchers("/install/**").hasRole("INSTALLATION_ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().hasAnyRole("AGENT", "INSTALLATION_ADMIN"))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/hooks/**", "/widget/**"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; connect-src 'self'; frame-ancestors 'self'; object-src 'none'")));
        return http.build();
    }
}
