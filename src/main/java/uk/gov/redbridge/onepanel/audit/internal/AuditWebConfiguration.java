package uk.gov.redbridge.onepanel.audit.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration implements WebMvcConfigurer {

    private final RequestAudit requestAudit;

    AuditWebConfiguration(RequestAudit requestAudit) {
        this.requestAudit = requestAudit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(requestAudit);
    }
}
