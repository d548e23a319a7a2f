package ru.kuzbass.edu.workflows.platform;

/**
 * A job names a case that the database does not show (yet). An intake stores the case and starts
 * its instance in one transaction, so that a failed start writes nothing; the first job of the
 * instance can then arrive a few milliseconds before the commit. {@link JobOutcome} retries such a
 * job after a short back-off instead of the usual ten seconds. A case that never appears (its
 * transaction rolled back after the start) still ends in an incident when the retries run out.
 */
public class CaseNotVisibleException extends RuntimeException {
  public CaseNotVisibleException(String what, long id) {
    super(what + " " + id + " does not exist (yet)");
  }
}
