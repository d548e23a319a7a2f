package ru.kuzbass.edu.workflows.rurallivingcosts;

import static ru.kuzbass.edu.workflows.platform.UtcDateTime.fromDb;
import static ru.kuzbass.edu.workflows.platform.UtcDateTime.toDb;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import ru.kuzbass.edu.workflows.letters.LetterService;

/** Enrolments, monthly claims, their lines and receipts. */
@Repository
public class LivingCostsRepository {

  private final JdbcClient jdbc;

  public LivingCostsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------- enrolments

  public long insertEnrolment(long personId, String schoolCode, String settlementCode, String position, Set<CostKind> kinds, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO living_cost_enrolment (person_id, school_code, settlement_code, position, cost_kinds, status, submitted_at)
            VALUES (:person, :school, :settlement, :position, :kinds, 'SUBMITTED', :at)""")
        .param("person", personId).param("school", schoolCode).param("settlement", settlementCode).param("position", position)
        .param("kinds", kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","))).param("at", toDb(at))
        .update(keys);
    return keys.getKeyAs(Number.class).longValue();
  }

  public void assignEnrolmentNumber(long id, String caseNumber, String tokenHash, long instanceKey) {
    jdbc.sql("UPDATE living_cost_enrolment SET case_number = ?, status_token_hash = ?, process_instance_key = ? WHERE id = ?")
        .params(caseNumber, tokenHash, instanceKey, id).update();
  }

  public Optional<Enrolment> enrolment(long id) {
    return jdbc.sql("SELECT * FROM living_cost_enrolment WHERE id = ?").param(id).query(this::mapEnrolment).optional();
  }

  public Optional<Enrolment> enrolmentByNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM living_cost_enrolment WHERE case_number = ?").param(caseNumber).query(this::mapEnrolment).optional();
  }

  public String enrolmentTokenHash(String caseNumber) {
    return jdbc.sql("SELECT status_token_hash FROM living_cost_enrolment WHERE case_number = ?").param(caseNumber)
        .query(String.class).optional().orElse(null);
  }

  /** Whether the person has another enrolment that is being decided or in force. */
  public boolean otherOpenEnrolment(long personId, long exceptId) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM living_cost_enrolment
            WHERE person_id = ? AND id <> ? AND status IN ('SUBMITTED', 'ENROLLED')""")
        .params(personId, exceptId).query(Integer.class).single() > 0;
  }

  public void updateEnrolmentStatus(long id, EnrolmentStatus status) {
    jdbc.sql("UPDATE living_cost_enrolment SET status = ? WHERE id = ?").params(status.name(), id).update();
  }

  /** In force from the day: the person's one active enrolment (the unique key refuses a second). A retry changes nothing. */
  public void activate(long id, long personId, LocalDate from) {
    jdbc.sql("""
            UPDATE living_cost_enrolment SET status = 'ENROLLED', active_person_id = ?, enrolled_on = COALESCE(enrolled_on, ?)
            WHERE id = ?""").params(personId, from, id).update();
  }

  public void end(long id, LocalDate on) {
    jdbc.sql("""
            UPDATE living_cost_enrolment SET status = 'ENDED', active_person_id = NULL, ended_on = COALESCE(ended_on, ?)
            WHERE id = ?""").params(on, id).update();
  }

  public void moveResidence(long id, String settlementCode) {
    jdbc.sql("UPDATE living_cost_enrolment SET settlement_code = ? WHERE id = ?").params(settlementCode, id).update();
  }

  // ---------------------------------------------------------------- claims

  /** Inserts the claim; the unique key (enrolment, open month) refuses a second open or paid claim for the month. */
  public long insertClaim(long enrolmentId, YearMonth month, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO living_cost_claim (enrolment_id, month, open_month, status, submitted_at)
            VALUES (:enrolment, :month, :month, 'SUBMITTED', :at)""")
        .param("enrolment", enrolmentId).param("month", month.atDay(1)).param("at", toDb(at))
        .update(keys);
    return keys.getKeyAs(Number.class).longValue();
  }

  public void assignClaimNumber(long id, String caseNumber, long instanceKey) {
    jdbc.sql("UPDATE living_cost_claim SET case_number = ?, process_instance_key = ? WHERE id = ?").params(caseNumber, instanceKey, id).update();
  }

  /** The claim for the month that is open or paid, if any. */
  public Optional<Claim> openClaim(long enrolmentId, YearMonth month) {
    return jdbc.sql("SELECT * FROM living_cost_claim WHERE enrolment_id = ? AND open_month = ?").params(enrolmentId, month.atDay(1))
        .query(this::mapClaim).optional();
  }

  public Optional<Claim> claim(long id) {
    return jdbc.sql("SELECT * FROM living_cost_claim WHERE id = ?").param(id).query(this::mapClaim).optional();
  }

  public Optional<Claim> claimByNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM living_cost_claim WHERE case_number = ?").param(caseNumber).query(this::mapClaim).optional();
  }

  public List<Claim> claimsOf(long enrolmentId) {
    return jdbc.sql("SELECT * FROM living_cost_claim WHERE enrolment_id = ? ORDER BY month, id").param(enrolmentId).query(this::mapClaim).list();
  }

  public void updateClaimStatus(long id, ClaimStatus status) {
    jdbc.sql("UPDATE living_cost_claim SET status = ? WHERE id = ?").params(status.name(), id).update();
  }

  /** Refused in full: the month is free to be claimed again. */
  public void reject(long id) {
    jdbc.sql("UPDATE living_cost_claim SET status = 'REJECTED', open_month = NULL WHERE id = ?").param(id).update();
  }

  public void nextRound(long id) {
    jdbc.sql("UPDATE living_cost_claim SET status = 'CORRECTED', round = round + 1 WHERE id = ?").param(id).update();
  }

  public void replaceLines(long claimId, List<Claim.Line> lines) {
    jdbc.sql("DELETE FROM living_cost_claim_line WHERE claim_id = ?").param(claimId).update();
    for (Claim.Line l : lines) {
      jdbc.sql("INSERT INTO living_cost_claim_line (claim_id, cost_kind, claimed_amount) VALUES (?, ?, ?)")
          .params(claimId, l.kind().name(), l.claimed()).update();
    }
  }

  public void decideLine(long claimId, CostKind kind, BigDecimal accepted, String reason) {
    jdbc.sql("UPDATE living_cost_claim_line SET accepted_amount = ?, rejection_reason = ? WHERE claim_id = ? AND cost_kind = ?")
        .params(accepted, reason, claimId, kind.name()).update();
  }

  public List<Claim.Line> lines(long claimId) {
    return jdbc.sql("SELECT * FROM living_cost_claim_line WHERE claim_id = ? ORDER BY id").param(claimId)
        .query((rs, row) -> new Claim.Line(CostKind.valueOf(rs.getString("cost_kind")), rs.getBigDecimal("claimed_amount"),
            rs.getBigDecimal("accepted_amount"), rs.getString("rejection_reason")))
        .list();
  }

  public void replaceReceipts(long claimId, List<ReceiptUpload.Checked> receipts, Instant at) {
    jdbc.sql("DELETE FROM living_cost_receipt WHERE claim_id = ?").param(claimId).update();
    for (ReceiptUpload.Checked r : receipts) {
      jdbc.sql("""
              INSERT INTO living_cost_receipt (claim_id, file_name, content_type, size_bytes, sha256, content, uploaded_at)
              VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(claimId, r.fileName(), r.contentType(), r.content().length, LetterService.sha256(r.content()), r.content(), toDb(at))
          .update();
    }
  }

  public List<Claim.Receipt> receipts(long claimId) {
    return jdbc.sql("SELECT id, file_name, content_type, size_bytes, sha256 FROM living_cost_receipt WHERE claim_id = ? ORDER BY id")
        .param(claimId)
        .query((rs, row) -> new Claim.Receipt(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
            rs.getInt("size_bytes"), rs.getString("sha256")))
        .list();
  }

  public record StoredReceipt(String fileName, String contentType, byte[] content) {}

  public Optional<StoredReceipt> receipt(String claimNumber, long receiptId) {
    return jdbc.sql("""
            SELECT r.file_name, r.content_type, r.content FROM living_cost_receipt r JOIN living_cost_claim c ON c.id = r.claim_id
            WHERE c.case_number = ? AND r.id = ?""")
        .params(claimNumber, receiptId)
        .query((rs, row) -> new StoredReceipt(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
        .optional();
  }

  // ---------------------------------------------------------------- mapping

  private Enrolment mapEnrolment(ResultSet rs, int row) throws SQLException {
    Set<CostKind> kinds = EnumSet.noneOf(CostKind.class);
    Arrays.stream(rs.getString("cost_kinds").split(",")).map(CostKind::valueOf).forEach(kinds::add);
    return new Enrolment(rs.getLong("id"), rs.getString("case_number"), rs.getLong("person_id"), rs.getString("school_code"),
        rs.getString("settlement_code"), rs.getString("position"), kinds, EnrolmentStatus.valueOf(rs.getString("status")),
        fromDb(rs.getObject("submitted_at", LocalDateTime.class)), rs.getObject("enrolled_on", LocalDate.class),
        rs.getObject("ended_on", LocalDate.class), rs.getObject("process_instance_key", Long.class));
  }

  private Claim mapClaim(ResultSet rs, int row) throws SQLException {
    return new Claim(rs.getLong("id"), rs.getString("case_number"), rs.getLong("enrolment_id"),
        YearMonth.from(rs.getObject("month", LocalDate.class)), ClaimStatus.valueOf(rs.getString("status")), rs.getInt("round"),
        rs.getObject("process_instance_key", Long.class));
  }
}
