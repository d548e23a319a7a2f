package ru.kuzbass.edu.workflows.mail;

import ru.kuzbass.edu.workflows.letters.IssuedLetter;

/**
 * One e-mail to send.
 *
 * @param key        names the effect, for example {@code ЗУ-2027-000001:APPROVAL}; the same key is
 *                   never delivered twice
 * @param attachment the letter to attach, or {@code null} for a plain message
 */
public record OutgoingMail(String key, String recipient, String subject, String body, IssuedLetter attachment) {}
