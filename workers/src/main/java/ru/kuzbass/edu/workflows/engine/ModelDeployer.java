package ru.kuzbass.edu.workflows.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DeploymentBuilder;
import org.operaton.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models and forms that the build packaged from {@code processes/} and {@code forms/}
 * to the embedded engine, once every bean exists and before the application takes requests. Models
 * and forms go in one deployment, because user tasks link their form with
 * {@code camunda:formRefBinding="deployment"}. The engine keeps the deployment as it is when no
 * file changed (duplicate filtering), so a restart or a second node adds no versions.
 */
@Component
public class ModelDeployer implements SmartInitializingSingleton {

  public static final String DEPLOYMENT_NAME = "kuzbass-teacher-workflows";
  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);
  private static final String[] MODELS = {"classpath*:/processes/**/*.bpmn", "classpath*:/processes/**/*.dmn"};
  private static final String FORMS = "classpath*:/forms/**/*.form";

  private final RepositoryService repository;

  public ModelDeployer(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      deploy();
    } catch (IOException e) {
      throw new IllegalStateException("The packaged models and forms could not be read", e);
    }
  }

  private void deploy() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME).enableDuplicateFiltering(false);
    int models = 0;
    for (String pattern : MODELS) {
      for (Resource resource : resolver.getResources(pattern)) {
        deployment.addString(resource.getFilename(), new String(read(resource), StandardCharsets.UTF_8));
        models++;
      }
    }
    if (models == 0) {
      throw new IllegalStateException("No BPMN or DMN model was packaged: the build copies them from processes/");
    }
    for (Resource resource : resolver.getResources(FORMS)) {
      deployment.addString(resource.getFilename(), new String(read(resource), StandardCharsets.UTF_8));
    }
    DeploymentWithDefinitions deployed = deployment.deployWithResult();
    log.info("Deployment {}: {} processes and {} decisions new or changed", deployed.getId(),
        deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size(),
        deployed.getDeployedDecisionDefinitions() == null ? 0 : deployed.getDeployedDecisionDefinitions().size());
  }

  private static byte[] read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    }
  }
}
