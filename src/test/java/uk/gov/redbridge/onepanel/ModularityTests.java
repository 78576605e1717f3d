package uk.gov.redbridge.onepanel;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(OnePanelApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        // into target/spring-modulith-docs: component diagrams and a canvas per module
        new Documenter(modules).writeDocumentation();
    }
}
