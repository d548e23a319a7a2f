package ru.kuzbass.edu.workflows.platform;

/**
 * A step names a case that the database does not have. An intake stores the case and starts its
 * instance in one transaction, so this should not happen; when it does (an instance started by hand
 * in Cockpit with a wrong id), the step is retried like any technical failure and then raises an
 * incident with this message, which names what is missing.
 */
public class CaseNotVisibleException extends RuntimeException {
  public CaseNotVisibleException(String what, long id) {
    super(what + " " + id + " does not exist (yet)");
  }
}
