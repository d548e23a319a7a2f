package ru.kuzbass.edu.workflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The real BCrypt check behind the memory; a counter says how often it ran. */
class RememberedBasicAuthenticationTest {

  private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private final AtomicInteger fullChecks = new AtomicInteger();
  private final MutableClock clock = new MutableClock();
  private final RememberedBasicAuthentication authentication = new RememberedBasicAuthentication(counting(), Duration.ofMinutes(1), clock);

  @Test
  void aSuccessfulLogInIsCheckedOnceAMinute() {
    Authentication first = authentication.authenticate(basic("hr", "hr-secret"));
    Authentication second = authentication.authenticate(basic("hr", "hr-secret"));

    assertThat(first.isAuthenticated()).isTrue();
    assertThat(second.getName()).isEqualTo("hr");
    assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_HR");
    assertThat(fullChecks).hasValue(1);

    clock.advance(Duration.ofSeconds(61));
    authentication.authenticate(basic("hr", "hr-secret"));
    assertThat(fullChecks).as("checked in full again after a minute").hasValue(2);
  }

  @Test
  void aWrongPasswordIsNeverRemembered() {
    authentication.authenticate(basic("hr", "hr-secret"));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> authentication.authenticate(basic("hr", "guess"))).isInstanceOf(BadCredentialsException.class);
    }
    assertThat(fullChecks).hasValue(3);
  }

  @Test
  void anotherUsersPasswordDoesNotOpenTheRememberedLogIn() {
    authentication.authenticate(basic("hr", "hr-secret"));

    assertThatThrownBy(() -> authentication.authenticate(basic("auditor", "hr-secret"))).isInstanceOf(BadCredentialsException.class);
    assertThat(fullChecks).hasValue(2);
  }

  private AuthenticationProvider counting() {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    users.createUser(User.withUsername("hr").password(encoder.encode("hr-secret")).roles("HR").build());
    users.createUser(User.withUsername("auditor").password(encoder.encode("auditor-secret")).roles("AUDITOR").build());
    DaoAuthenticationProvider checks = new DaoAuthenticationProvider(users);
    checks.setPasswordEncoder(encoder);
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication request) {
        fullChecks.incrementAndGet();
        return checks.authenticate(request);
      }

      @Override
      public boolean supports(Class<?> type) {
        return checks.supports(type);
      }
    };
  }

  private static UsernamePasswordAuthenticationToken basic(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }

  private static final class MutableClock extends java.time.Clock {
    private Instant now = Instant.parse("2026-12-02T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
