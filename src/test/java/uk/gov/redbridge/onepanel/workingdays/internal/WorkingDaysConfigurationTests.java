package uk.gov.redbridge.onepanel.workingdays.internal;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/** The calendar as Spring builds it from {@code onepanel.workingdays.*}. */
class WorkingDaysConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(WorkingDaysConfiguration.class, GovUkCheckConfiguration.class)
            .withBean(Clock.class, () -> Clock.fixed(Instant.parse("2026-12-24T10:00:00Z"), ZoneId.of("Europe/London")))
            .withBean(WorkingDays.class);

    @Test
    void closuresAndOverridesFromConfigurationChangeTheCalendar() {
        runner.withPropertyValues(
                        "onepanel.workingdays.closures=2026-12-29,2026-12-30,2026-12-31",
                        "onepanel.workingdays.extra-bank-holidays[0]=2027-06-11",
                        "onepanel.workingdays.cancelled-bank-holidays[0]=2027-05-03")
                .run(context -> {
                    WorkingDays days = context.getBean(WorkingDays.class);
                    assertThat(days.today()).isEqualTo(parse("2026-12-24"));
                    assertThat(days.addWorkingDays(days.today(), 1)).isEqualTo(parse("2027-01-04"));
                    assertThat(days.isWorkingDay(parse("2027-06-11"))).isFalse();
                    assertThat(days.isWorkingDay(parse("2027-05-03"))).isTrue();
                });
    }

    @Test
    void refusesToStartWhenADateIsBothExtraAndCancelled() {
        runner.withPropertyValues(
                        "onepanel.workingdays.extra-bank-holidays=2027-06-11",
                        "onepanel.workingdays.cancelled-bank-holidays=2027-06-11")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("2027-06-11"));
    }

    @Test
    void theGovUkCheckRunsOnlyWhenSwitchedOn() {
        runner.run(context -> assertThat(context).doesNotHaveBean(GovUkBankHolidayCheck.class));
        runner.withPropertyValues("onepanel.workingdays.gov-uk-check.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(GovUkBankHolidayCheck.class));
    }

    @Test
    void theShippedDefaultsBind() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);

        WorkingDaysSettings settings = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("onepanel.workingdays", WorkingDaysSettings.class);

        assertThat(settings.govUkCheck().enabled()).isFalse();
        assertThat(settings.govUkCheck().url()).hasToString("https://www.gov.uk/bank-holidays.json");
        assertThat(settings.closures()).isEmpty();
        assertThat(settings.extraBankHolidays()).isEmpty();
    }
}
