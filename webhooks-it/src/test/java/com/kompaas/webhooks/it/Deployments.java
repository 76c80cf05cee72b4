package com.kompaas.webhooks.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one way tests build a deployment: the real WAR that users run, plus the test's classes. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive webhooks(Class<?>... testClasses) {
    File war = TestInfrastructure.target().resolve("deploy/webhooks.war").toFile();
    // every page needs a signed-in user; Arquillian's in-container runner must not
    JavaArchive openRunner =
        ShrinkWrap.create(JavaArchive.class, "arquillian-open.jar")
            .addAsManifestResource("arquillian-open/web-fragment.xml", "web-fragment.xml");
    return ShrinkWrap.createFromZipFile(WebArchive.class, war)
        .addClasses(testClasses)
        .addClasses(Await.class, ConsoleHttp.class, EventMessages.class)
        .addAsLibraries(jarOf(org.awaitility.Awaitility.class), jarOf(org.hamcrest.Matcher.class))
        .addAsLibrary(openRunner);
  }

  /** The jar a test library's class came from, to run in the container beside the test. */
  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
