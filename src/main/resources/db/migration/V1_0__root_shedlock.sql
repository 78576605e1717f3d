-- Flyway versions are blocked by module so that modules can add migrations independently:
-- 1.x root, 2.x mailbox, 3.x correspondence, 4.x referrals, 5.x requests, 6.x exceptions, 7.x system (users),
-- 8.x meetings, 9.x papers, 10.x agencies, 11.x audit, 12.x storage, 13.x triage. spring.flyway.out-of-order is on.
-- Tables of one module never carry foreign keys to another module's tables: modules refer to each other by id.

-- ShedLock: one instance runs each scheduled job (and polls each mailbox) at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
