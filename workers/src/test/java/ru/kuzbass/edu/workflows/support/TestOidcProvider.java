package ru.kuzbass.edu.workflows.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An OIDC provider as far as the API sees one: an RSA key whose public half is served as a JWK set
 * over HTTP (as Keycloak's {@code /protocol/openid-connect/certs}), and tokens signed with it the
 * way Keycloak signs them (RS256, realm roles in {@code realm_access.roles}). One per test JVM.
 */
public final class TestOidcProvider {

  /** The issuer the test profile trusts (application-test.yml). */
  public static final String ISSUER = "https://sso.test/realms/kuzbass-edu";

  private static KeyPair keys;
  private static HttpServer server;

  private TestOidcProvider() {}

  public static synchronized String jwkSetUri() {
    if (server == null) {
      start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
  }

  /** A token of {@link #ISSUER} with the given realm roles, expiring at {@code expires}. */
  public static String token(Instant expires, List<String> roles) {
    return token(ISSUER, expires, roles);
  }

  /** A token signed with the provider's key but naming {@code issuer}. */
  public static String token(String issuer, Instant expires, List<String> roles) {
    jwkSetUri();
    return sign(keys.getPrivate(), issuer, expires, roles);
  }

  /** A token signed with {@code key}, which need not be the provider's. */
  public static String sign(PrivateKey key, String issuer, Instant expires, List<String> roles) {
    try {
      JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("f3c1-officer").claim("preferred_username", "officer")
          .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires))
          .claim("realm_access", Map.of("roles", roles)).build();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("test").build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void start() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      keys = generator.generateKeyPair();
      byte[] jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID("test").build()).toString()
          .getBytes(StandardCharsets.UTF_8);
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/certs", exchange -> {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, jwks.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(jwks);
        }
      });
      server.start();
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Could not start the test OIDC provider", e);
    }
  }
}
