package ru.kuzbass.edu.workflows.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail), started once per test JVM on a free port. */
public final class SharedMailServer {

  private static GreenMail greenMail;

  private SharedMailServer() {}

  public static synchronized GreenMail get() {
    if (greenMail == null) {
      greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      greenMail.start();
    }
    return greenMail;
  }

  public static int port() {
    return get().getSmtp().getPort();
  }

  public static MimeMessage[] received() {
    return get().getReceivedMessages();
  }
}
