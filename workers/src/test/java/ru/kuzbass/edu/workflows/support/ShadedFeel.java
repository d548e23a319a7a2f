package ru.kuzbass.edu.workflows.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;
import org.operaton.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.operaton.bpm.dmn.feel.impl.FeelEngineFactory;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cfg.ProcessEnginePlugin;

/**
 * TEMPORARY, while the in-memory Zeebe engine shares the test class path (workers/pom.xml). Zeebe's
 * DMN needs the plain FEEL engine 1.18 first on the class path, else the in-memory engine does not
 * start; Operaton's Scala FEEL needs the shaded FEEL engine 1.19, whose classes have the same names.
 * Here Operaton's FEEL engine and the shaded FEEL are loaded by a class loader of their own that looks
 * at those two jars first, so that decisions evaluate in the tests with the Scala FEEL that the
 * application, which has no Zeebe engine in it, uses anyway. Goes with the last Zeebe process.
 */
public final class ShadedFeel {

  /** Classes of Operaton's Scala FEEL integration and of the shaded FEEL engine and its Scala. */
  private static final String[] OWN_PACKAGES = {"org.operaton.bpm.dmn.feel.impl.scala.", "org.camunda.feel.", "camundajar."};
  private static volatile FeelEngineFactory factory;

  private ShadedFeel() {}

  /** A factory of Operaton's Scala FEEL engine on the shaded FEEL engine. */
  public static FeelEngineFactory factory() {
    if (factory == null) {
      synchronized (ShadedFeel.class) {
        if (factory == null) {
          factory = create();
        }
      }
    }
    return factory;
  }

  /** A DMN engine configuration whose FEEL is that one. */
  public static DefaultDmnEngineConfiguration dmnConfiguration() {
    return ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()).feelEngineFactory(factory());
  }

  /** Gives the embedded engine's DMN that FEEL engine; the engine builds the rest of its DMN configuration around it. */
  public static ProcessEnginePlugin plugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDmnEngineConfiguration(dmnConfiguration());
      }
    };
  }

  private static FeelEngineFactory create() {
    ClassLoader parent = ShadedFeel.class.getClassLoader();
    URL[] jars = {jarOf(parent, "org/operaton/bpm/dmn/feel/impl/scala/ScalaFeelEngineFactory.class"),
        jarOf(parent, "camundajar/impl/scala/Option.class")};
    ClassLoader own = new URLClassLoader("shaded-feel", jars, parent) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!ownPackage(name)) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> loaded = findLoadedClass(name);
          if (loaded == null) {
            loaded = findClass(name);
          }
          if (resolve) {
            resolveClass(loaded);
          }
          return loaded;
        }
      }
    };
    try {
      return (FeelEngineFactory) own.loadClass("org.operaton.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory").getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Operaton's Scala FEEL engine could not be loaded on the shaded FEEL", e);
    }
  }

  private static boolean ownPackage(String className) {
    for (String p : OWN_PACKAGES) {
      if (className.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** The jar on the class path that holds the resource. */
  private static URL jarOf(ClassLoader loader, String resource) {
    URL url = loader.getResource(resource);
    if (url == null) {
      throw new IllegalStateException(resource + " is not on the test class path");
    }
    try {
      return ((JarURLConnection) url.openConnection()).getJarFileURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
