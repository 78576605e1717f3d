/**
 * A few value types every module speaks: the referral reference and the pathway. Kept tiny on purpose.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package uk.gov.redbridge.onepanel.shared;
