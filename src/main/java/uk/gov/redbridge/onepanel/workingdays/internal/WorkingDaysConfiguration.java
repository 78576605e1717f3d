package uk.gov.redbridge.onepanel.workingdays.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkingDaysSettings.class)
class WorkingDaysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkingDaysConfiguration.class);

    @Bean
    BankHolidays bankHolidays(WorkingDaysSettings settings) {
        BankHolidays bankHolidays = BankHolidays.englandAndWales(settings.extraBankHolidays(),
                settings.cancelledBankHolidays());
        log.info("Working days: England and Wales bank holidays (jollyday, subdivision eng) with {} extra and {} "
                        + "cancelled by configuration, and {} local closure days",
                settings.extraBankHolidays().size(), settings.cancelledBankHolidays().size(),
                settings.closures().size());
        return bankHolidays;
    }

    @Bean
    WorkingDayCalendar workingDayCalendar(BankHolidays bankHolidays, WorkingDaysSettings settings) {
        return new WorkingDayCalendar(bankHolidays, settings.closures());
    }
}
