package uk.gov.redbridge.onepanel.workingdays.internal;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduled comparison against a real HTTP server on the loopback interface, standing in for gov.uk. */
class GovUkBankHolidayCheckTests {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private GovUkBankHolidayCheck checkAgainst(int status, byte[] body, BankHolidays calendar) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/bank-holidays.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/bank-holidays.json");
        return new GovUkBankHolidayCheck(calendar,
                new WorkingDaysSettings.GovUkCheck(true, url, Duration.ofDays(7), Duration.ofSeconds(10)));
    }

    @Test
    void fetchesThePublishedListAndComparesIt() throws Exception {
        GovUkBankHolidayCheck check = checkAgainst(200, GovUkBankHolidaysTests.snapshot(),
                BankHolidays.englandAndWales(List.of(), List.of()));

        assertThat(check.compare().agrees()).isTrue();
    }

    @Test
    void reportsADayThePublishedListHasAndTheCalendarLacks() throws Exception {
        String snapshot = new String(GovUkBankHolidaysTests.snapshot(), StandardCharsets.UTF_8);
        String withOneOff = snapshot.replace("\"events\": [", """
                "events": [
                  {"title": "A royal occasion", "date": "2027-06-11", "notes": "", "bunting": true},""");
        GovUkBankHolidayCheck check = checkAgainst(200, withOneOff.getBytes(StandardCharsets.UTF_8),
                BankHolidays.englandAndWales(List.of(), List.of()));

        GovUkComparison comparison = check.compare();

        assertThat(comparison.missingFromCalendar()).containsExactly(parse("2027-06-11"));
        assertThat(comparison.notListedByGovUk()).isEmpty();
    }

    @Test
    void anErrorResponseIsAFailureNotAnEmptyList() throws Exception {
        GovUkBankHolidayCheck check = checkAgainst(503, "unavailable".getBytes(StandardCharsets.UTF_8),
                BankHolidays.englandAndWales(List.of(), List.of()));

        assertThatThrownBy(check::compare).isInstanceOf(IOException.class).hasMessageContaining("503");
        check.checkAndWarn(); // logs a warning, never throws into the scheduler
    }
}
