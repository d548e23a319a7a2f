package ru.kuzbass.edu.workflows.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every request, and checking it costs a BCrypt round, tens of
 * CPU milliseconds by design: an API client at a few requests a second kept a core busy with it
 * (docs/benchmarks.md). A successful check is remembered for a short while under a keyed hash of
 * the user name and password (the key is random and lives only in this process), so the client's
 * next requests cost a hash. A wrong password is never remembered and is checked in full each time.
 */
final class RememberedBasicAuthentication implements AuthenticationProvider {

  /** At most this many remembered log-ins; past it all are forgotten, and the next requests check in full again. */
  static final int MAX_REMEMBERED = 10_000;

  private record Remembered(Authentication authentication, Instant until) {}

  private final AuthenticationProvider checks;
  private final Duration remembered;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Remembered> successes = new ConcurrentHashMap<>();

  RememberedBasicAuthentication(AuthenticationProvider checks, Duration remembered, Clock clock) {
    this.checks = checks;
    this.remembered = remembered;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication request) {
    String credentials = hash(request.getName() + '\0' + request.getCredentials());
    Instant now = clock.instant();
    Remembered known = successes.get(credentials);
    if (known != null && now.isBefore(known.until())) {
      return known.authentication();
    }
    Authentication checked = checks.authenticate(request);
    if (checked != null && checked.isAuthenticated()) {
      if (successes.size() >= MAX_REMEMBERED) {
        successes.clear();
      }
      successes.put(credentials, new Remembered(checked, now.plus(remembered)));
    }
    return checked;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private String hash(String credentials) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(credentials.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
