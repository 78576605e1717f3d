package uk.gov.redbridge.onepanel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OnePanelApplication {
    public static void main(String[] args) {
        SpringApplication.run(OnePanelApplication.class, args);
    }
}
