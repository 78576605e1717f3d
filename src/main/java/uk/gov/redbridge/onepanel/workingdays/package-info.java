/**
 * Working days for England and Wales (weekends, bank holidays from jollyday's United Kingdom calendar with the
 * {@code eng} subdivision, local closure days from configuration) and the application {@link java.time.Clock}:
 * all time in the service comes from that one clock, which {@code onepanel.clock.offset} can move forward for
 * demos and tests.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package uk.gov.redbridge.onepanel.workingdays;
