package ru.kuzbass.edu.workflows.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import ru.kuzbass.edu.workflows.letters.LetterService;

/**
 * The secret an applicant gets with their case number. Case numbers run in sequence, so the number
 * alone must not open a case: a status look-up needs the token too (header {@code X-Case-Token}),
 * unless the caller is staff (HR or ADMIN). Only the token's SHA-256 is stored. A wrong token and
 * an unknown case get the same 404, so that nobody learns which numbers exist.
 */
public final class CaseTokens {

  public static final String HEADER = "X-Case-Token";

  private static final SecureRandom RANDOM = new SecureRandom();

  private CaseTokens() {}

  /** A new token: 144 random bits, URL-safe. */
  public static String issue() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    return LetterService.sha256(token.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the request may see the case whose token hash is {@code storedHash} (null: no such case). */
  public static boolean admits(HttpServletRequest request, String storedHash) {
    if (storedHash == null) {
      return false;
    }
    if (request.isUserInRole(SecurityConfiguration.Role.HR.name()) || request.isUserInRole(SecurityConfiguration.Role.ADMIN.name())) {
      return true;
    }
    String token = request.getHeader(HEADER);
    return token != null && MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
