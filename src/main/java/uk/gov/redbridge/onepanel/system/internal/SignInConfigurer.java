package uk.gov.redbridge.onepanel.system.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How people sign in to the pages: the seam for Microsoft Entra ID. The default is {@link PasswordSignIn} (the
 * GOV.UK sign-in page at /login against the users in the database). An OpenID Connect sign-in replaces this bean
 * (see docs/web.md): {@code http.oauth2Login(...)} with the login page kept at /login, and Entra app roles
 * ({@code roles} claim) mapped to {@link uk.gov.redbridge.onepanel.system.Role}s; everything else (roles on
 * routes, CSRF, sessions, audit by user name) stays as it is.
 */
interface SignInConfigurer {

    void configure(HttpSecurity http) throws Exception;
}
