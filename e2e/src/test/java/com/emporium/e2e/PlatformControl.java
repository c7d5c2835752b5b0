package com.emporium.e2e;

import static org.assertj.core.api.Assumptions.assumeThat;

import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the fault tests do to the platform e2e/platform started: kill a service and start it again, cut the
 * services off the broker and let them back. Only for that platform (it owns its vhost and run folder): against
 * a developer's running platform the calling test is skipped.
 */
public final class PlatformControl {

    private PlatformControl() {
    }

    /** Skips the calling test unless e2e/platform started the platform under test. */
    public static void assumeOwnPlatform() {
        assumeThat(Platform.current().runSetting("EMPORIUM_RABBIT_VHOST"))
                .as("a platform e2e/platform started (it owns the vhost and processes a fault test disturbs)")
                .isPresent();
    }

    /** SIGKILL to the service's process, and waits until it is gone. */
    public static void kill(String service) {
        long pid = pid(service);
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException(service + " (pid " + pid + ") did not die", ex);
        }
    }

    /** Starts the service again on its port, with the run's settings; returns once it is ready. */
    public static void start(String service) {
        Path script = Platform.current().folder().getParent().getParent().resolve("platform");
        run(Duration.ofSeconds(90), script.toString(), "start-services", service);
    }

    /**
     * Cuts every service off the broker: their connections to the run's vhost are closed and none may open
     * again (the vhost's permissions are cleared), as when the broker is unreachable.
     */
    public static void cutBroker() {
        String vhost = vhost();
        rabbitmqctl("clear_permissions", "-p", vhost, "guest");
        rabbitmqctl("close_all_connections", "--vhost", vhost, "e2e: the broker is cut");
    }

    /** Lets the services connect to the broker again. */
    public static void restoreBroker() {
        rabbitmqctl("set_permissions", "-p", vhost(), "guest", ".*", ".*", ".*");
    }

    /** A connection factory for the run's vhost on the machine's broker (guest, as the platform's services). */
    public static ConnectionFactory broker() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(Optional.ofNullable(System.getenv("EMPORIUM_RABBIT_HOST")).orElse("127.0.0.1"));
        factory.setPort(Integer.parseInt(Optional.ofNullable(System.getenv("EMPORIUM_RABBIT_PORT")).orElse("5672")));
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost(vhost());
        return factory;
    }

    /**
     * Whether every queue of the run's vhost is empty, nothing waiting and nothing being handled: the consumers
     * have caught up with everything published so far.
     */
    public static boolean queuesIdle() {
        String listing = rabbitmqctlOutput("list_queues", "-p", vhost(), "--no-table-headers", "name", "messages");
        return listing.lines().map(String::strip).filter(line -> !line.isEmpty())
                .allMatch(line -> line.endsWith("\t0") || line.matches(".*\\s0$"));
    }

    private static String vhost() {
        return Platform.current().runSetting("EMPORIUM_RABBIT_VHOST")
                .orElseThrow(() -> new IllegalStateException("no vhost of its own: not a platform e2e/platform started"));
    }

    private static long pid(String service) {
        Path file = Platform.current().folder().resolve("pids").resolve(service + ".pid");
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (IOException ex) {
            throw new IllegalStateException("cannot read " + file, ex);
        }
    }

    private static void rabbitmqctl(String... arguments) {
        rabbitmqctlOutput(arguments);
    }

    private static String rabbitmqctlOutput(String... arguments) {
        String configured = System.getenv("TEST_RABBITMQCTL");
        List<String> command = new ArrayList<>(Arrays.asList(
                (configured == null || configured.isBlank() ? "rabbitmqctl" : configured.strip()).split(" +")));
        command.add("-q");
        command.addAll(Arrays.asList(arguments));
        return run(Duration.ofSeconds(30), command.toArray(String[]::new));
    }

    private static String run(Duration timeout, String... command) {
        try {
            // the output goes to a file: a pipe nobody reads while waiting could fill up and stall the command
            Path output = Files.createTempFile("e2e-command", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (!ended || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + (ended ? " failed:\n" : " timed out:\n")
                        + printed);
            }
            return printed;
        } catch (IOException ex) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), ex);
        }
    }
}
