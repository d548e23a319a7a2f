package ru.kuzbass.edu.workflows.letters;

import java.time.LocalDate;

/** A letter as stored: the PDF exactly as it was sent, with its SHA-256. */
public record IssuedLetter(
    long id, String caseNumber, String kind, String number, LocalDate issuedOn, String fileName, String sha256, byte[] pdf) {}
