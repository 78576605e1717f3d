package uk.gov.redbridge.onepanel.system.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/** Sign-in with a user name and password from the database, on the service's own GOV.UK page at /login. */
@Component
@ConditionalOnWebApplication
class PasswordSignIn implements SignInConfigurer {

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.formLogin(f -> f.loginPage("/login").failureUrl("/login?error").permitAll());
    }
}
