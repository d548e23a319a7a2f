package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.support.EmbeddedMariaDb;
import ru.kuzbass.edu.workflows.support.ExternalDb;
import ru.kuzbass.edu.workflows.support.PackagedApplication;
import ru.kuzbass.edu.workflows.support.RuralGrantDriver;

/**
 * Fault tests on the packaged application (the embedded engine in it), with MariaDB and an SMTP
 * server of their own: rural-grant cases go through approval, letters and payment (the user tasks
 * completed by a driver through the engine's REST API) while a part fails. Every case must reach
 * its next wait state (the first yearly confirmation) with each letter mailed exactly once and each
 * payment recorded exactly once. Each test prints what it counted.
 */
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuralGrantFaultsIT {

  static final int PORT = 8099;
  /** The second node of the two-node test. */
  static final int SECOND_PORT = 8097;
  /** The job executor's threads (Operaton's default pool): at most this many steps are in flight when the kill comes. */
  static final int JOB_THREADS = 10;
  /** The tries of a letter step that failed on the SMTP server, as the engine's job log records them. */
  static final String FAILED_SENDING_TRIES = "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_EXCEPTION_MSG_ LIKE 'Could not deliver mail%'";
  /** How long a job stays locked to the node that acquired it: jobs a killed node held come back after this, not after five minutes. */
  static final Duration LOCK_TIME = Duration.ofSeconds(15);
  /**
   * The longest a job executor waits before it looks for jobs again (Operaton's default max-wait: an idle one waits 5 s, then
   * twice as long each time it finds nothing, up to this): a job whose lock has expired is taken within this.
   */
  static final Duration LONGEST_ACQUISITION_WAIT = Duration.ofSeconds(60);
  /** The acquisition's own query on top of its wait, with room for a loaded machine. */
  static final Duration ACQUISITION_SLACK = Duration.ofSeconds(10);
  static final List<String> ARGUMENTS = List.of("--ruralgrant.defaults.window-start=01-01", "--ruralgrant.defaults.window-end=12-31",
      "--operaton.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis());

  static Path root;
  static String db;
  static ServerSetup smtp;
  static GreenMail mail;
  static Process workers;
  static final AtomicBoolean running = new AtomicBoolean(true);
  static Thread userTasks;
  static long nextApplication = System.currentTimeMillis() % 1_000_000;

  @BeforeAll
  static void start() throws Exception {
    root = PackagedApplication.root();
    db = EmbeddedMariaDb.jdbcUrl();
    try (ServerSocket free = new ServerSocket(0)) {
      smtp = new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }
    mail = new GreenMail(smtp);
    mail.start();
    workers = startWorkers(1);
    int year = RegionTime.today(java.time.Clock.systemUTC()).getYear();
    for (String sql : RuralGrantDriver.DIRECTORY_SQL) {
      ExternalDb.update(sql);
    }
    ExternalDb.update("INSERT IGNORE INTO rural_grant_vacancy (campaign_year, school_code, position, places) VALUES (" + year + ", '"
        + RuralGrantDriver.SCHOOL + "', 'Учитель математики', 100000)");
    userTasks = RuralGrantDriver.userTasks("http://localhost:" + PORT, running);
  }

  @AfterAll
  static void stop() throws Exception {
    running.set(false);
    if (userTasks != null) {
      userTasks.join();
    }
    PackagedApplication.stop(workers);
    mail.stop();
  }

  @Test
  @Order(1)
  void killedMidBatchTheApplicationLosesNothingAndSendsNothingTwice() throws Exception {
    int cases = 200;
    long after = lastCase();
    mail.purgeEmailFromAllMailboxes();
    submit(cases);

    // mid-batch: a quarter of the letters are out, the rest are being written, mailed and paid
    String sent = lettersOfCasesAfter(after, "o.status = 'SENT'");
    ExternalDb.awaitCount(sent, cases / 2, Duration.ofMinutes(5));
    int sentAtKill = ExternalDb.count(sent);
    int paidAtKill = ExternalDb.count("SELECT COUNT(*) FROM payment_ledger p JOIN rural_grant_application a ON a.case_number = p.case_number "
        + "WHERE a.id > " + after);
    workers.destroyForcibly().waitFor();
    Instant killed = Instant.now();
    workers = startWorkers(2);

    Outcome outcome = awaitAllAtNextWait(after, cases, Duration.ofMinutes(8));
    System.out.printf("Application crash: %d cases; killed once (SIGKILL) with %d letters mailed and %d payments recorded; all cases at their "
            + "next wait %d s after the kill; %s%n", cases, sentAtKill, paidAtKill, Duration.between(killed, Instant.now()).toSeconds(),
        outcome);
    assertThat(sentAtKill).as("the kill came mid-batch").isLessThan(2 * cases);
    // a letter the SMTP server had accepted when the kill came, its step not yet committed, goes again on the retry, under its
    // Message-ID: at most one per step in flight (the job executor's threads)
    assertThat(outcome.redelivered()).as("letters sent again after the kill").isLessThanOrEqualTo(JOB_THREADS);
    outcome.assertNothingLost(cases);
  }

  @Test
  @Order(2)
  void anSmtpOutageOfAMinuteIsRetriedWithBackOffAndEveryLetterGoesOnce() throws Exception {
    int cases = 50;
    long after = lastCase();
    mail.purgeEmailFromAllMailboxes();
    int failedBefore = ExternalDb.count(FAILED_SENDING_TRIES);
    mail.stop();
    Instant down = Instant.now();
    Instant up;
    try {
      submit(cases);
      // a failed try rolls its step back whole, the outbox row with it: the engine's job log keeps the failure
      ExternalDb.awaitCount(FAILED_SENDING_TRIES, failedBefore + 1, Duration.ofMinutes(2));
      Thread.sleep(Math.max(0, Duration.ofSeconds(60).minus(Duration.between(down, Instant.now())).toMillis()));
    } finally {
      mail = new GreenMail(smtp);
      mail.start();
      up = Instant.now();
    }

    Outcome outcome = awaitAllAtNextWait(after, cases, Duration.ofMinutes(5));
    int failedTries = ExternalDb.count(FAILED_SENDING_TRIES) - failedBefore;
    System.out.printf("SMTP outage: %d cases; the SMTP server down for %d s; %d failed sending tries, each retried after its back-off, "
            + "for %d letters; all cases at their next wait %d s after it came back; %s%n", cases, Duration.between(down, up).toSeconds(),
        failedTries, outcome.letters(), Duration.between(up, Instant.now()).toSeconds(), outcome);
    assertThat(failedTries).as("letters were retried").isPositive();
    outcome.assertNothingLostOrTwice(cases);
  }

  @Test
  @Order(3)
  void aDatabaseOutageOfHalfAMinuteIsRetriedAndNothingIsLost() throws Exception {
    int cases = 50;
    long after = lastCase();
    mail.purgeEmailFromAllMailboxes();
    submit(cases);
    EmbeddedMariaDb.stop();
    Instant down = Instant.now();
    Thread.sleep(30_000);
    EmbeddedMariaDb.restart();
    Instant up = Instant.now();

    Outcome outcome = awaitAllAtNextWait(after, cases, Duration.ofMinutes(5));
    System.out.printf("Database outage: %d cases; MariaDB down for %d s right after they were submitted; all cases at their next wait "
        + "%d s after it came back; %s%n", cases, Duration.between(down, up).toSeconds(), Duration.between(up, Instant.now()).toSeconds(),
        outcome);
    // a letter the SMTP server had accepted when the database went, its step's commit lost, goes again on the retry under its
    // Message-ID: at most one per step in flight
    assertThat(outcome.redelivered()).as("letters sent again after the outage").isLessThanOrEqualTo(JOB_THREADS);
    outcome.assertNothingLost(cases);
  }

  /**
   * Two nodes of the application on one database, each with its job executor, the applications sent
   * to both in turn: the second node is killed mid-batch, while it holds jobs, and the first finishes
   * every case. The jobs the dead node had locked stay locked until their lock expires ({@link
   * #LOCK_TIME} after it took them); the first node takes each after that, not before (that would run
   * a step twice while its node lives), and within {@link #LONGEST_ACQUISITION_WAIT}, and runs it once.
   */
  @Test
  @Order(4)
  void twoNodesOnOneDatabaseOneKilledMidBatchTheOtherFinishesEveryCase() throws Exception {
    int cases = 200;
    long after = lastCase();
    mail.purgeEmailFromAllMailboxes();
    List<String> secondNode = new ArrayList<>(ARGUMENTS);
    // the engine writes its host name into every job log row: the second node's rows say what it ran
    secondNode.add("--operaton.bpm.generic-properties.properties.hostname=node-2");
    // its job executor's lock owner, a random UUID each start (the starter has no property for it), is in its health details
    secondNode.add("--management.endpoint.health.show-details=always");
    // one thread that takes ten jobs at a time: the jobs wait locked in its queue, so the node is caught holding some (on a quiet
    // machine three threads ran each job within the polls' gap, and the kill found nothing held)
    secondNode.addAll(List.of("--operaton.bpm.job-execution.core-pool-size=1", "--operaton.bpm.job-execution.max-pool-size=1",
        "--operaton.bpm.job-execution.queue-capacity=10", "--operaton.bpm.job-execution.max-jobs-per-acquisition=10"));
    Process second = PackagedApplication.start(root, db, smtp.getPort(), SECOND_PORT, root.resolve("workers/target/faults-node-2.log"),
        secondNode);
    AtomicBoolean throughSecond = new AtomicBoolean(true);
    Thread secondUserTasks = null;
    try {
      String secondOwner = lockOwner(SECOND_PORT);
      // a node runs the steps that follow what it was asked at once: the applications it takes in, and the user tasks completed
      // through it (a driver on each node, as officers would work through either; a task the other completed first is refused)
      secondUserTasks = RuralGrantDriver.userTasks("http://localhost:" + SECOND_PORT, throughSecond);
      submit(cases, PORT, SECOND_PORT);
      String sent = lettersOfCasesAfter(after, "o.status = 'SENT'");
      String ranBySecond = "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE HOSTNAME_ = 'node-2' AND JOB_STATE_ = " + SUCCESSFUL;
      // mid-batch: the second node at work on the cases it took in, and holding jobs (running, or acquired and queued for its threads)
      // when it is killed
      ExternalDb.awaitCount(ranBySecond, 20, Duration.ofMinutes(3));
      Kill kill = killHoldingJobs(second, secondOwner, Duration.ofMinutes(2));
      Instant killed = kill.at();
      Map<String, Instant> held = kill.held();
      int sentAtKill = ExternalDb.count(sent);
      int ranBySecondAtKill = ExternalDb.count(ranBySecond);
      Map<String, Pickup> pickedUp = awaitPickup(held, secondOwner);
      Outcome outcome = awaitAllAtNextWait(after, cases, Duration.ofMinutes(8));
      List<Run> runs = successfulRuns(held.keySet());
      Instant allDone = runs.stream().map(Run::at).max(Instant::compareTo).orElse(killed);
      long latestAfterExpiry = pickedUp.entrySet().stream()
          .mapToLong(p -> Duration.between(held.get(p.getKey()), p.getValue().at()).toMillis()).max().orElse(-1);
      System.out.printf("Two nodes: %d cases sent to both in turn; the second node, with %d jobs run, killed (SIGKILL) with %d letters "
              + "mailed, holding %d jobs (caught at its stop %d); their locks expired %s s after the kill, the first node took "
              + "them %s s after it (at most %d ms after a lock expired; %d seen locked anew, the rest seen done) and had run them all "
              + "%s s after it; all cases at their next wait %d s after the kill, through the first node; %s%n",
          cases, ranBySecondAtKill, sentAtKill, held.size(), kill.stops(), range(killed, held.values()),
          range(killed, pickedUp.values().stream().map(Pickup::at).toList()), latestAfterExpiry,
          pickedUp.values().stream().filter(Pickup::lockSeen).count(), seconds(Duration.between(killed, allDone)),
          Duration.between(killed, Instant.now()).toSeconds(), outcome);
      held.forEach((job, expired) -> {
        assertThat(pickedUp).as("job %s taken by the first node", job).containsKey(job);
        assertThat(pickedUp.get(job).at()).as("job %s taken after its lock expired at %s, and within the longest acquisition wait", job,
            expired).isAfter(expired).isBefore(expired.plus(LONGEST_ACQUISITION_WAIT).plus(ACQUISITION_SLACK));
      });
      assertThat(runs).extracting(Run::job).as("each job the dead node held, run once").containsExactlyInAnyOrderElementsOf(held.keySet());
      assertThat(runs).allSatisfy(run -> {
        assertThat(run.host()).as("who ran job %s", run.job()).isNotEqualTo("node-2");
        assertThat(run.at()).as("job %s run after its lock expired", run.job()).isAfter(held.get(run.job()));
      });
      assertThat(outcome.redelivered()).as("letters sent again after the kill").isLessThanOrEqualTo(JOB_THREADS);
      outcome.assertNothingLost(cases);
    } finally {
      throughSecond.set(false);
      if (secondUserTasks != null) {
        secondUserTasks.join();
      }
      second.destroyForcibly().waitFor();
    }
  }

  /** A job's lock as ACT_RU_JOB holds it: the job executor that owns it, if any, and when it expires. */
  record JobLock(String job, String owner, Instant expires) {}

  /** When another job executor took a job a dead node held; {@code lockSeen}: from its new lock, else from the poll that found it done. */
  record Pickup(Instant at, boolean lockSeen) {}

  /** A successful run of a job, as the engine's job log records it: the host that ran it and when it ended. */
  record Run(String job, String host, Instant at) {}

  /** The job log's state of a job that ran to its end. */
  static final int SUCCESSFUL = 2;

  private static List<JobLock> locks(String condition) throws SQLException {
    return ExternalDb.query("SELECT ID_, LOCK_OWNER_, LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE " + condition, rs -> new JobLock(
        rs.getString(1), rs.getString(2), rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()));
  }

  /** A node killed while it held jobs: those jobs with their locks' expiry, when it was killed, at which of its stops. */
  record Kill(Map<String, Instant> held, Instant at, int stops) {}

  /**
   * Kills the node (SIGKILL) at a moment it holds jobs, and says which. Its locks are polled; when
   * it holds some, it is stopped (SIGSTOP) and they are read again once what it had already sent has
   * landed (a commit on the wire): those it still holds are exactly what it leaves, as it runs no
   * further. If it holds none by then, it goes on (SIGCONT), and so does the polling.
   */
  private static Kill killHoldingJobs(Process node, String owner, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    int stops = 0;
    while (Instant.now().isBefore(deadline)) {
      if (liveLocks(owner).isEmpty()) {
        Thread.sleep(10);
        continue;
      }
      signal(node, "STOP");
      stops++;
      Thread.sleep(500);
      Map<String, Instant> held = liveLocks(owner);
      if (!held.isEmpty()) {
        node.destroyForcibly().waitFor();
        return new Kill(held, Instant.now(), stops);
      }
      signal(node, "CONT");
    }
    throw new AssertionError("the second node held no job within " + within.toSeconds() + " s");
  }

  /** The jobs locked to this job executor, with their locks' expiry, of the locks not expired yet. */
  private static Map<String, Instant> liveLocks(String owner) throws SQLException {
    Instant now = Instant.now();
    return locks("LOCK_OWNER_ = '" + owner + "'").stream().filter(lock -> lock.expires().isAfter(now))
        .collect(Collectors.toMap(JobLock::job, JobLock::expires));
  }

  private static void signal(Process process, String signal) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor()).as("kill -" + signal).isZero();
  }

  /**
   * Watches the jobs a dead node held, every 100 ms, until another job executor has taken each: when
   * it took it (its new lock's expiry less the lock time), or, if the job is already done (gone, or
   * unlocked after a failed try), the poll that found so.
   */
  private static Map<String, Pickup> awaitPickup(Map<String, Instant> held, String deadOwner) throws Exception {
    Map<String, Pickup> pickedUp = new HashMap<>();
    Instant deadline = Collections.max(held.values()).plus(LONGEST_ACQUISITION_WAIT).plus(ACQUISITION_SLACK).plusSeconds(5);
    while (pickedUp.size() < held.size() && Instant.now().isBefore(deadline)) {
      Map<String, JobLock> now = locks("ID_ IN (" + quoted(held.keySet()) + ")").stream()
          .collect(Collectors.toMap(JobLock::job, lock -> lock));
      Instant polled = Instant.now();
      for (String job : held.keySet()) {
        JobLock lock = now.get(job);
        if (lock == null || lock.owner() == null) {
          pickedUp.putIfAbsent(job, new Pickup(polled, false));
        } else if (!deadOwner.equals(lock.owner())) {
          pickedUp.putIfAbsent(job, new Pickup(lock.expires().minus(LOCK_TIME), true));
        }
      }
      Thread.sleep(100);
    }
    return pickedUp;
  }

  private static List<Run> successfulRuns(Set<String> jobs) throws SQLException {
    return ExternalDb.query("SELECT JOB_ID_, HOSTNAME_, TIMESTAMP_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = " + SUCCESSFUL
        + " AND JOB_ID_ IN (" + quoted(jobs) + ")", rs -> new Run(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
  }

  private static String quoted(Set<String> ids) {
    return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
  }

  /** A node's job executor's lock owner, from the node's health details. */
  private static String lockOwner(int port) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      String health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/jobExecutor")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      String owner = new ObjectMapper().readTree(health).at("/details/jobExecutor/lockOwner").asText();
      assertThat(owner).as(health).isNotEmpty();
      return owner;
    }
  }

  /** The first and the last of these instants, in seconds after {@code from}. */
  private static String range(Instant from, Collection<Instant> instants) {
    return seconds(Duration.between(from, Collections.min(instants))) + "–" + seconds(Duration.between(from, Collections.max(instants)));
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }

  /**
   * What the SMTP server and the ledger hold for the cases after {@code after}. A letter is known by
   * its Message-ID; {@code deliveries} counts every message the SMTP server took, so deliveries
   * beyond the distinct letters are letters sent twice.
   */
  record Outcome(int cases, long deliveries, long letters, long lettersWithOneRecipientAndSubject, int ledgerRows, int paidCases) {
    long redelivered() {
      return deliveries - letters;
    }

    void assertNothingLost(int expected) {
      assertThat(cases).as("cases waiting for their first yearly confirmation").isEqualTo(expected);
      assertThat(letters).as("approval and payment letter of every case").isEqualTo(2L * expected);
      assertThat(lettersWithOneRecipientAndSubject).as("a Message-ID names one letter").isEqualTo(letters);
      assertThat(ledgerRows).as("payments recorded").isEqualTo(expected);
      assertThat(paidCases).as("cases paid").isEqualTo(expected);
    }

    void assertNothingLostOrTwice(int expected) {
      assertNothingLost(expected);
      assertThat(redelivered()).as("letters mailed twice").isZero();
    }

    @Override
    public String toString() {
      return "SMTP deliveries %d of %d letters (sent twice %d, lost %d); ledger rows %d (duplicates %d, lost %d)".formatted(deliveries,
          letters, redelivered(), 2L * cases - letters, ledgerRows, ledgerRows - paidCases, cases - paidCases);
    }
  }

  private static Outcome awaitAllAtNextWait(long after, int cases, Duration within) throws Exception {
    try {
      ExternalDb.awaitCount("SELECT COUNT(*) FROM rural_grant_application WHERE status = 'IN_OBLIGATION' AND id > " + after, cases, within);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; where the others stand:\n" + whereCasesStand(after), e);
    }
    ExternalDb.awaitCount(lettersOfCasesAfter(after, "o.status = 'SENT'"), 2 * cases, Duration.ofMinutes(2));
    Thread.sleep(2000); // a duplicate would be a late one
    List<String> numbers = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db, "root", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT case_number FROM rural_grant_application WHERE id > " + after)) {
      while (rs.next()) {
        numbers.add(rs.getString(1));
      }
    }
    List<MimeMessage> received = Arrays.stream(mail.getReceivedMessages()).filter(m -> numbers.stream().anyMatch(subject(m)::contains))
        .toList();
    Map<String, Long> letters = received.stream().collect(Collectors.groupingBy(RuralGrantFaultsIT::messageId, Collectors.counting()));
    long oneRecipientAndSubject = received.stream().collect(Collectors.groupingBy(RuralGrantFaultsIT::messageId,
        Collectors.mapping(m -> recipients(m) + " | " + subject(m), Collectors.toSet()))).values().stream().filter(v -> v.size() == 1).count();
    String paid = "FROM payment_ledger p JOIN rural_grant_application a ON a.case_number = p.case_number WHERE a.id > " + after;
    return new Outcome(ExternalDb.count("SELECT COUNT(*) FROM rural_grant_application WHERE status = 'IN_OBLIGATION' AND id > " + after),
        received.size(), letters.size(), oneRecipientAndSubject, ExternalDb.count("SELECT COUNT(*) " + paid),
        ExternalDb.count("SELECT COUNT(DISTINCT p.case_number) " + paid));
  }

  /**
   * For a failure message: each case short of its next wait with its last recorded step and its
   * letters' sending attempts, and the jobs the workers gave up on (an incident each).
   */
  private static String whereCasesStand(long after) throws Exception {
    StringBuilder report = new StringBuilder();
    try (Connection c = DriverManager.getConnection(db, "root", "");
        ResultSet rs = c.createStatement().executeQuery("""
            SELECT a.case_number, a.status,
              (SELECT h.event_key FROM case_event h WHERE h.case_number = a.case_number ORDER BY h.id DESC LIMIT 1) AS last_step,
              (SELECT GROUP_CONCAT(CONCAT(l.kind, ' ', o.status, ' after ', o.attempts, ' attempts: ', COALESCE(LEFT(o.last_error, 80), '-'))
                 SEPARATOR '; ') FROM letter l JOIN mail_outbox o ON o.letter_id = l.id WHERE l.case_number = a.case_number) AS letters
            FROM rural_grant_application a WHERE a.id > %d AND a.status <> 'IN_OBLIGATION' ORDER BY a.id""".formatted(after))) {
      while (rs.next()) {
        report.append("  ").append(rs.getString(1)).append(' ').append(rs.getString(2)).append(", last step ").append(rs.getString(3))
            .append(", letters: ").append(rs.getString(4)).append('\n');
      }
    }
    Path log = root.resolve("workers/target");
    try (var logs = java.nio.file.Files.list(log)) {
      for (Path file : logs.filter(f -> f.getFileName().toString().startsWith("faults-workers-")).sorted().toList()) {
        List<String> givenUp = java.nio.file.Files.readAllLines(file).stream().filter(l -> l.contains(", 0 retries left") || l.contains(" ERROR "))
            .map(l -> l.length() > 300 ? l.substring(0, 300) : l).toList();
        report.append(file.getFileName()).append(": ").append(givenUp.size()).append(" errors\n");
        givenUp.stream().limit(20).forEach(l -> report.append("  ").append(l).append('\n'));
      }
    }
    return report.toString();
  }

  /** Counts the outbox rows of the letters of the cases after {@code after} that meet the condition. */
  private static String lettersOfCasesAfter(long after, String condition) {
    return "SELECT COUNT(*) FROM mail_outbox o JOIN letter l ON l.id = o.letter_id JOIN rural_grant_application a "
        + "ON a.case_number = l.case_number WHERE " + condition + " AND a.id > " + after;
  }

  private static void submit(int cases) throws Exception {
    submit(cases, PORT);
  }

  /** Sends the applications to the nodes on these ports in turn, as a load balancer would. */
  private static void submit(int cases, int... ports) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (ExecutorService submitters = Executors.newFixedThreadPool(4)) {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < cases; i++) {
        String body = RuralGrantDriver.application(nextApplication++);
        int port = ports[i % ports.length];
        sent.add(submitters.submit(() -> PackagedApplication.sendAsAClientWould(http,
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rural-grants/applications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build())));
      }
      for (Future<HttpResponse<String>> f : sent) {
        assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(201);
      }
    }
  }

  private static Process startWorkers(int run) throws Exception {
    return PackagedApplication.start(root, db, smtp.getPort(), PORT, root.resolve("workers/target/faults-workers-" + run + ".log"), ARGUMENTS);
  }

  private static long lastCase() throws Exception {
    return ExternalDb.count("SELECT COALESCE(MAX(id), 0) FROM rural_grant_application");
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipients(MimeMessage m) {
    try {
      return Arrays.toString(m.getAllRecipients());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
