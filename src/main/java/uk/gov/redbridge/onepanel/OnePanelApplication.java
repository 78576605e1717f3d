package uk.gov.redbridge.onepanel;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import uk.gov.redbridge.onepanel.extraction.ExtractCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OnePanelApplication {

    /**
     * Jakarta Mail looks its stream provider up with a class-path scan (ServiceLoader) on every call, and it is
     * called for every MIME part it decodes: about 1 ms a part with our class path, so a 2,000-part message took
     * 2-4 s to parse instead of 0.15-0.4 s (measured, docs/benchmarks.md). Naming the provider skips the scan.
     */
    static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    public static void main(String[] args) {
        if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
            System.setProperty(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        if (args.length > 0 && args[0].equals("extract")) {
            // the command line: reads forms with no server, database or mail (docs/extraction.md)
            System.exit(ExtractCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(OnePanelApplication.class, args);
    }
}
