package uk.gov.redbridge.onepanel.system.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * Serves GOV.UK Frontend's images (favicon) at {@code /assets/images/}, where its precompiled CSS expects them. Its
 * fonts are not served on purpose: GDS Transport may be used on GOV.UK only, and without them the CSS falls back
 * to Arial, as the Design System asks of services outside GOV.UK.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = new WebJarVersionLocator().version("govuk-frontend");
        registry.addResourceHandler("/assets/images/**").addResourceLocations(
                "classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/images/");
    }
}
