package ru.kuzbass.edu.workflows.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads request bodies as written: a number or {@code true} is not a name, a number is not an enum
 * constant or a date, nothing may follow the JSON object, and a field the request does not have is
 * refused (a client still sending a field that was dropped, such as the rural grant's settlement
 * population, learns that the server no longer takes it). Spring's and Jackson's defaults would
 * accept all of these quietly; here they are input errors that name their field.
 */
@Configuration(proxyBeanMethods = false)
public class JsonStrictness {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson() {
    return builder -> builder
        .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .postConfigurer(mapper -> {
          for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime}) {
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
              mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
          }
        });
  }
}
