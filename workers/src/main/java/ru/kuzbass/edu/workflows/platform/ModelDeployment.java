package ru.kuzbass.edu.workflows.platform;

import io.camunda.zeebe.client.api.command.DeployResourceCommandStep1;
import io.camunda.zeebe.client.api.response.Decision;
import io.camunda.zeebe.client.api.response.DecisionRequirements;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.spring.client.event.ZeebeClientCreatedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.engine.ModelDeployer;
import ru.kuzbass.edu.workflows.letters.LetterService;

/**
 * Deploys every model and form that the build packaged from the project's {@code processes/} and
 * {@code forms/} folders, in one deployment, as soon as the Zeebe client exists: a user task never
 * links a form the engine does not know yet. The engine makes a new version of a resource only when
 * its content changed, and answers with the versions in force; those of the decisions are kept,
 * because business rule tasks call the latest version and the audit log names it.
 */
@Component
public class ModelDeployment {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);
  private static final String[] RESOURCES = {"classpath*:/processes/**/*.bpmn", "classpath*:/processes/**/*.dmn", "classpath*:/forms/**/*.form"};

  /** A decision as the engine deployed it, with the SHA-256 of the table's file to tie it to the repository. */
  public record DecisionVersion(String decisionId, int version, long decisionKey, String fileSha256) {}

  private final Map<String, DecisionVersion> decisions = new ConcurrentHashMap<>();

  @EventListener
  public void deploy(ZeebeClientCreatedEvent event) throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    DeployResourceCommandStep1.DeployResourceCommandStep2 command = null;
    Map<String, String> fileHashes = new HashMap<>();
    for (String pattern : RESOURCES) {
      for (Resource resource : resolver.getResources(pattern)) {
        byte[] content;
        try (InputStream in = resource.getInputStream()) {
          content = in.readAllBytes();
        }
        if (ModelDeployer.forThisEngine(new String(content, java.nio.charset.StandardCharsets.UTF_8))) {
          continue; // a model already moved to the embedded engine
        }
        fileHashes.put(resource.getFilename(), LetterService.sha256(content));
        command = command == null ? event.getClient().newDeployResourceCommand().addResourceBytes(content, resource.getFilename())
            : command.addResourceBytes(content, resource.getFilename());
      }
    }
    if (command == null) {
      throw new IllegalStateException("No BPMN, DMN or form was packaged: the build copies them from processes/ and forms/");
    }
    DeploymentEvent deployed = command.send().join();
    for (Decision d : deployed.getDecisions()) {
      String file = deployed.getDecisionRequirements().stream().filter(r -> r.getDecisionRequirementsKey() == d.getDecisionRequirementsKey())
          .map(DecisionRequirements::getResourceName).findFirst().orElseThrow();
      decisions.put(d.getDmnDecisionId(), new DecisionVersion(d.getDmnDecisionId(), d.getVersion(), d.getDecisionKey(), fileHashes.get(file)));
    }
    log.info("Deployed {} processes, {} decisions and {} forms", deployed.getProcesses().size(), deployed.getDecisions().size(),
        deployed.getForm().size());
  }

  /** Empty until the deployment on start-up has been answered. */
  public Optional<DecisionVersion> decision(String decisionId) {
    return Optional.ofNullable(decisions.get(decisionId));
  }
}
