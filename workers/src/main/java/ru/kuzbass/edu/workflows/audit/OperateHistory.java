package ru.kuzbass.edu.workflows.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.platform.CamundaWebSession;

/**
 * The engine's own history of the instances still on Zeebe, from Operate's REST API (v1): every
 * element instance the process instances passed through, and every incident. Operate is optional:
 * without {@code workflows.operate.url}, or while it cannot be reached, the timeline says so and
 * shows the audit log alone. Goes with the last process that moves to the embedded engine.
 */
@Component
public class OperateHistory implements ProcessHistory {

  private static final Logger log = LoggerFactory.getLogger(OperateHistory.class);
  // Operate 8.6 writes offsets without a colon (+0000)
  private static final DateTimeFormatter OPERATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX");

  @ConfigurationProperties("workflows.operate")
  public record OperateProperties(String url, String username, String password) {}

  private final CamundaWebSession operate;

  public OperateHistory(OperateProperties properties, ObjectMapper json) {
    this.operate = properties.url() == null || properties.url().isBlank() ? null
        : new CamundaWebSession(properties.url(), properties.username() == null ? "demo" : properties.username(),
            properties.password() == null ? "demo" : properties.password(), json);
  }

  @Override
  public History of(Collection<Long> processInstanceKeys) {
    if (operate == null) {
      return History.none("Operate не подключён: история движка не показана");
    }
    try {
      List<EngineEvent> events = new ArrayList<>();
      for (long key : processInstanceKeys) {
        for (JsonNode n : operate.post("/v1/flownode-instances/search",
            Map.of("filter", Map.of("processInstanceKey", key), "size", 1000, "sort", List.of(Map.of("field", "startDate", "order", "ASC"))))
            .path("items")) {
          events.add(new EngineEvent(time(n.path("startDate")), "ELEMENT", key, n.path("key").asLong(), n.path("flowNodeId").asText(null),
              n.path("flowNodeName").asText(null), n.path("state").asText(null), time(n.path("endDate")), n.path("type").asText(null), null));
        }
        for (JsonNode i : operate.post("/v1/incidents/search", Map.of("filter", Map.of("processInstanceKey", key), "size", 1000))
            .path("items")) {
          events.add(new EngineEvent(time(i.path("creationTime")), "INCIDENT", key, i.path("key").asLong(), i.path("flowNodeId").asText(null),
              i.path("type").asText(null), i.path("state").asText(null), null, i.path("message").asText(null), null));
        }
      }
      return new History(true, null, events);
    } catch (RuntimeException e) {
      log.warn("Operate's history of instances {} is not available: {}", processInstanceKeys, e.toString());
      return History.none("Operate недоступен: история движка не показана");
    }
  }

  private static Instant time(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.asText(), OPERATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(value.asText()).toInstant();
    }
  }
}
