package ru.kuzbass.edu.workflows.people;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts identity numbers (SNILS; a passport number would go the same way) at rest with
 * AES-256-GCM. A sealed value reads {@code v1:<key id>:<base64 of IV, ciphertext and tag>}; the
 * key id lets old values be opened after a rotation while new ones are sealed with the active key
 * ({@link PersonalDataRewrap} re-seals the rest). The column name is bound in as associated data,
 * so a value copied into another column does not open.
 *
 * <p>An encrypted value cannot be searched, so each sealed number also gets a blind index: an
 * HMAC-SHA-256 under a key of its own, which finds a returning person by SNILS and keeps SNILS
 * unique without storing it in clear. Rotation procedure: docs/personal-data.md.
 */
@Component
public class PersonalDataCipher {

  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
  private final String activeKey;
  private final SecretKeySpec indexKey;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param keys the data keys as {@code id=base64,id=base64}, each 32 bytes; the first is active
   *     and seals every new value (environment variable {@code WORKFLOWS_PD_KEYS})
   * @param indexKey the key of the blind index, base64 of at least 32 bytes ({@code WORKFLOWS_PD_INDEX_KEY})
   */
  @ConfigurationProperties("workflows.personal-data")
  public record Keys(String keys, String indexKey) {}

  public PersonalDataCipher(Keys configuration) {
    if (configuration.keys() == null || configuration.keys().isBlank()) {
      throw new IllegalStateException("workflows.personal-data.keys (environment variable WORKFLOWS_PD_KEYS) is not set: "
          + "personal data is encrypted at rest and needs a key, see docs/personal-data.md");
    }
    for (String entry : configuration.keys().split(",")) {
      String[] idAndKey = entry.trim().split("=", 2);
      if (idAndKey.length != 2 || !idAndKey[0].matches("[A-Za-z0-9_-]{1,20}")) {
        throw new IllegalStateException("workflows.personal-data.keys: expected id=base64 entries, found '" + idAndKey[0] + "'");
      }
      byte[] key = decode(idAndKey[1], "workflows.personal-data.keys[" + idAndKey[0] + "]");
      if (key.length != 32) {
        throw new IllegalStateException("workflows.personal-data.keys[" + idAndKey[0] + "] must be 32 bytes (AES-256), it is " + key.length);
      }
      keys.put(idAndKey[0], new SecretKeySpec(key, "AES"));
    }
    activeKey = keys.keySet().iterator().next();
    if (configuration.indexKey() == null || configuration.indexKey().isBlank()) {
      throw new IllegalStateException("workflows.personal-data.index-key (environment variable WORKFLOWS_PD_INDEX_KEY) is not set");
    }
    byte[] index = decode(configuration.indexKey(), "workflows.personal-data.index-key");
    if (index.length < 32) {
      throw new IllegalStateException("workflows.personal-data.index-key must have at least 32 bytes, it has " + index.length);
    }
    indexKey = new SecretKeySpec(index, "HmacSHA256");
  }

  /** Encrypts {@code plain} under the active key, for the column {@code column}. */
  public String seal(String column, String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX + activeKey + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** Decrypts a value {@link #seal} made; null stays null (an anonymised person has no SNILS). */
  public String open(String column, String sealed) {
    if (sealed == null) {
      return null;
    }
    String[] parts = sealed.split(":", 3);
    if (parts.length != 3 || !sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("The " + column + " value is not sealed (the key rotation has not run over it yet?)");
    }
    SecretKeySpec key = keys.get(parts[1]);
    if (key == null) {
      throw new IllegalStateException("The " + column + " value is sealed with key '" + parts[1] + "', which is not configured");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(parts[2]);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("The " + column + " value does not open with key '" + parts[1] + "': altered or another column's", e);
    }
  }

  /** True when the value is sealed with the active key; false for clear text and older keys. */
  public boolean isCurrent(String sealed) {
    return sealed != null && sealed.startsWith(PREFIX + activeKey + ":");
  }

  /** The blind index of a value: equal values, equal index; the value cannot be read back from it. */
  public String index(String plain) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(indexKey);
      return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  public String activeKey() {
    return activeKey;
  }

  private static byte[] decode(String base64, String name) {
    try {
      return Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + " is not valid base64", e);
    }
  }
}
