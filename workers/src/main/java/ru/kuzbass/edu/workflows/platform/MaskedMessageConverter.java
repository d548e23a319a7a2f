package ru.kuzbass.edu.workflows.platform;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ru.kuzbass.edu.workflows.people.PersonalDataShapes;

/**
 * The log message with anything shaped like a SNILS, a passport or phone number or an e-mail
 * address masked (logback-spring.xml puts it in place of {@code %m}). The code logs ids, not
 * personal data; this is the net under a message that quotes a request or a driver's error.
 */
public class MaskedMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return PersonalDataShapes.mask(super.convert(event), "***");
  }
}
