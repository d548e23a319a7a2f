package ru.kuzbass.edu.workflows.ruralgrant;

/** A school as the school directory has it: where it is, and what kind of settlement that is. */
public record DirectorySchool(String code, String municipality, String settlementName, SettlementType settlementType, int settlementPopulation) {}
