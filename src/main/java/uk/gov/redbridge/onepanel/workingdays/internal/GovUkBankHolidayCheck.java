package uk.gov.redbridge.onepanel.workingdays.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.SortedSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Compares the calendar with the government's published list now and then, and says where they differ. It only
 * warns: the calendar changes through configuration, which a person checks, never by what a download says.
 * Every instance runs it; it only reads a public list and writes a log line.
 */
class GovUkBankHolidayCheck {

    private static final Logger log = LoggerFactory.getLogger(GovUkBankHolidayCheck.class);

    /** The published file is about 20 kB; anything much larger is not it. */
    private static final int MAX_BYTES = 1_000_000;

    private final BankHolidays calendar;
    private final WorkingDaysSettings.GovUkCheck settings;
    private final HttpClient http;

    GovUkBankHolidayCheck(BankHolidays calendar, WorkingDaysSettings.GovUkCheck settings) {
        this.calendar = calendar;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${onepanel.workingdays.gov-uk-check.interval:P7D}")
    void checkAndWarn() {
        try {
            GovUkComparison comparison = compare();
            if (comparison.agrees()) {
                log.info("Bank holidays agree with {} for {} to {}", settings.url(), comparison.firstYear(),
                        comparison.lastYear());
            } else {
                log.warn("Bank holidays disagree with {} for {} to {}. Listed there but not in the calendar: {} "
                                + "(add to onepanel.workingdays.extra-bank-holidays). In the calendar but not listed "
                                + "there: {} (once confirmed, add to onepanel.workingdays.cancelled-bank-holidays).",
                        settings.url(), comparison.firstYear(), comparison.lastYear(),
                        comparison.missingFromCalendar(), comparison.notListedByGovUk());
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Could not compare bank holidays with {}: {}", settings.url(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    GovUkComparison compare() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP status " + response.statusCode());
        }
        if (body.length > MAX_BYTES) {
            throw new IOException("the response is larger than " + MAX_BYTES + " bytes");
        }
        SortedSet<LocalDate> govUk = GovUkBankHolidays.englandAndWales(body);
        return GovUkComparison.of(govUk, calendar);
    }
}
