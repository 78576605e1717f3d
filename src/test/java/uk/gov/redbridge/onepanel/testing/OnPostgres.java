package uk.gov.redbridge.onepanel.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;

import uk.gov.redbridge.onepanel.External;


/**
 * A Spring test on the PostgreSQL server {@code .ci/run} starts ({@link PostgresTestDatabase#register}). It is
 * {@link External}, and its context is closed when the class is done: each one has a schema of its own, so Spring's
 * context cache could never reuse it, and a dozen cached contexts holding ten connections each exhaust the server's
 * 100 (CI failed that way: "remaining connection slots are reserved").
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@External
@DirtiesContext
public @interface OnPostgres {
}
