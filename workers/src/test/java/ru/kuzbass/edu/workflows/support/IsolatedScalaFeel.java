package ru.kuzbass.edu.workflows.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;
import org.operaton.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.operaton.bpm.dmn.feel.impl.FeelEngineFactory;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY, until the last process leaves Zeebe (then delete this class): the embedded engine's
 * decisions evaluated with its Scala FEEL engine while the in-memory Zeebe engine shares the test
 * class path. Both bring a FEEL engine in the same packages ({@code org.camunda.feel}): Zeebe's plain
 * one (1.18, on the Scala library) comes first on the class path (workers/pom.xml), because the
 * Zeebe engine cannot even start without it; Operaton's shaded one (1.19, its Scala inside
 * {@code camundajar.impl}) would then link against the wrong classes. So Operaton's FEEL integration
 * and the shaded engine are loaded here in a class loader of their own that looks in those two jars
 * first, and the DMN engine is given that FEEL engine. Production has no Zeebe engine on its class
 * path and uses Operaton's default, the same FEEL engine. A component, so that every application
 * context of the tests has it.
 */
@Component
class IsolatedScalaFeel extends AbstractProcessEnginePlugin {

  private static final String FACTORY = "org.operaton.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory";
  private static final List<String> OWN_PACKAGES = List.of("org.camunda.feel.", "camundajar.", "org.operaton.bpm.dmn.feel.impl.scala.");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(factory());
    configuration.setDmnEngineConfiguration(dmn);
  }

  private static FeelEngineFactory factory() {
    ClassLoader application = IsolatedScalaFeel.class.getClassLoader();
    List<URL> jars = new ArrayList<>();
    jars.add(jarOf(application, FACTORY.replace('.', '/') + ".class", "operaton-engine-feel-scala"));
    jars.add(jarOf(application, "org/camunda/feel/FeelEngine.class", "scala-shaded"));
    ClassLoader own = new URLClassLoader(jars.toArray(URL[]::new), application) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (OWN_PACKAGES.stream().noneMatch(name::startsWith)) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> loaded = findLoadedClass(name);
          return loaded != null ? loaded : findClass(name);
        }
      }
    };
    try {
      return (FeelEngineFactory) own.loadClass(FACTORY).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Operaton's Scala FEEL engine could not be loaded apart from Zeebe's", e);
    }
  }

  /** The jar on the class path that holds the resource and whose name contains the marker. */
  private static URL jarOf(ClassLoader loader, String resource, String marker) {
    try {
      for (URL url : Collections.list(loader.getResources(resource))) {
        if (url.toString().contains(marker)) {
          return ((JarURLConnection) url.openConnection()).getJarFileURL();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("No jar named *" + marker + "* holds " + resource);
  }
}
