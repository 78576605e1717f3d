package uk.gov.redbridge.onepanel.workingdays.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The comparison with gov.uk's list, only when {@code onepanel.workingdays.gov-uk-check.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("onepanel.workingdays.gov-uk-check.enabled")
@EnableScheduling
class GovUkCheckConfiguration {

    @Bean
    GovUkBankHolidayCheck govUkBankHolidayCheck(BankHolidays bankHolidays, WorkingDaysSettings settings) {
        return new GovUkBankHolidayCheck(bankHolidays, settings.govUkCheck());
    }
}
