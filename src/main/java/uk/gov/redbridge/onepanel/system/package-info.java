/**
 * Not a business module: security (sign-in, roles, users), web and scheduling configuration, the layout. It may
 * use any module's facade; no module uses it.
 */
@org.springframework.modulith.ApplicationModule
package uk.gov.redbridge.onepanel.system;
