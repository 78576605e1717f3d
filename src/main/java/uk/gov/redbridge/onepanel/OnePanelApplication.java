package uk.gov.redbridge.onepanel;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import uk.gov.redbridge.onepanel.extraction.ExtractCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OnePanelApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("extract")) {
            // the command line: reads forms with no server, database or mail (docs/extraction.md)
            System.exit(ExtractCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(OnePanelApplication.class, args);
    }
}
