package ru.kuzbass.edu.workflows.letters;

import java.time.LocalDate;

/**
 * A letter as stored: the PDF exactly as it was sent, with its SHA-256 and the verification code it
 * prints (null for letters issued before codes were printed).
 */
public record IssuedLetter(long id, String caseNumber, String kind, String number, LocalDate issuedOn, String fileName, String sha256,
    String verificationCode, byte[] pdf) {}
