package uk.gov.redbridge.onepanel.system.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors: the JSON API with HTTP Basic for role API (stateless), and the secretariat's pages with a signed-in
 * session (the GOV.UK sign-in page at /login, CSRF on). Everything not named is refused.
 *
 * <p>Pages: every signed-in role reads ({@link #READERS}); only the secretariat changes anything (every POST but
 * signing out and searching the log, which are reads, and the votes and recommendation at a meeting, which the chair
 * records too); the audit pages are the secretariat's; the log's exports and the annual review's are the
 * secretariat's and the chair's (board reports).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
    static final String[] READERS = {"SECRETARIAT", "CHAIR", "READONLY"};

    /**
     * HSTS on every response to a secure request: a year, sub-domains included. Behind a TLS-terminating proxy a
     * request is secure when the proxy says so ({@code X-Forwarded-Proto: https}, read by Tomcat with
     * {@code server.forward-headers-strategy: native} in the production profile).
     */
    static final org.springframework.security.config.Customizer<
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
                    .HstsConfig> HSTS = hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true);

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("API"))
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // machine clients with Basic credentials; no browser session to ride on
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(CSP)).httpStrictTransportSecurity(HSTS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignInEntryPoint entryPoint, ExpiredFormHandler expiredForms,
            SignInConfigurer signIn) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/webjars/**", "/assets/**", "/css/**", "/js/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/login").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("SECRETARIAT")
                        .requestMatchers(HttpMethod.GET, "/referrals/*/audit", "/referrals/*/add-document",
                                "/referrals/*/requests/*/add-return", "/sign-in-locks")
                        .hasRole("SECRETARIAT")
                        .requestMatchers(HttpMethod.GET, "/referrals/export.xlsx", "/referrals/export.csv",
                                "/reports/annual.pdf", "/reports/annual.xlsx")
                        .hasAnyRole("SECRETARIAT", "CHAIR")
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(READERS)
                        .requestMatchers(HttpMethod.HEAD, "/**").hasAnyRole(READERS)
                        .requestMatchers(HttpMethod.POST, "/logout", "/referrals/search").hasAnyRole(READERS)
                        // the chair records the panel's votes and recommendation (meetings)
                        .requestMatchers(HttpMethod.POST, "/meetings/*/items/*/votes", "/meetings/*/items/*/decision")
                        .hasAnyRole("SECRETARIAT", "CHAIR")
                        .requestMatchers(HttpMethod.POST, "/**").hasRole("SECRETARIAT")
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(expiredForms))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        // a stale cookie after signing out would read as "your session expired"
                        .deleteCookies("JSESSIONID"))
                .headers(h -> h
                        .contentSecurityPolicy(p -> p.policyDirectives(CSP))
                        .httpStrictTransportSecurity(HSTS)
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        signIn.configure(http);
        return http.build();
    }
}
