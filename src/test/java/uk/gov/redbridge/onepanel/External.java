package uk.gov.redbridge.onepanel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A test that needs a part outside the JVM (PostgreSQL, Chromium, Tesseract, LibreOffice) or the {@code ../shared}
 * folder beside the checkout. Skipped, by name, unless the build runs with {@code -Dexternal=true}; {@code .ci/run}
 * installs those parts and sets it, so CI runs everything.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("external")
@EnabledIfSystemProperty(named = "external", matches = "true",
        disabledReason = "needs a part outside the JVM or ../shared: run with -Dexternal=true")
public @interface External {
}
