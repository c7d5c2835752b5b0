package com.emporium.test.amqp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs the broker's {@code rabbitmqctl}, the command in {@code TEST_RABBITMQCTL} (default {@code rabbitmqctl};
 * words split at spaces, so {@code sudo rabbitmqctl} works). The AMQP protocol cannot create a vhost, and the
 * machine's broker has no management plugin, so this is the only way in.
 */
final class Rabbitmqctl {

    private static final long TIMEOUT_SECONDS = 60;

    private Rabbitmqctl() {
    }

    /**
     * Runs one command and returns its output lines.
     *
     * @throws IllegalStateException saying what failed and what to check when the command cannot start, times out
     *     or exits with an error
     */
    static List<String> run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(command().split("\\s+")));
        command.addAll(List.of(arguments));
        String shown = "'" + String.join(" ", command) + "'";
        @Nullable Path output = null;
        try {
            // into a file rather than a pipe, so a hung command cannot block the read and outlast the timeout;
            // one stream, as its complaints belong beside what it printed
            output = Files.createTempFile("rabbitmqctl", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(shown + " did not finish within " + TIMEOUT_SECONDS + " s. "
                        + advice());
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(shown + " failed with exit code " + process.exitValue() + ": "
                        + printed.strip() + "\n" + advice());
            }
            return printed.lines().toList();
        } catch (IOException ex) {
            String reason = String.valueOf(ex.getMessage()).strip();
            throw new IllegalStateException("cannot run " + shown + ": " + reason + ". " + advice(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + shown, ex);
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ex) {
                // a stray temporary file is harmless
            }
        }
    }

    private static String command() {
        String configured = System.getenv("TEST_RABBITMQCTL");
        return configured == null || configured.isBlank() ? "rabbitmqctl" : configured.strip();
    }

    private static String advice() {
        return "Is RabbitMQ running on this machine? Is rabbitmqctl on the PATH, and may this user run it (it needs"
                + " the broker's Erlang cookie: run as root or as the rabbitmq user, or set TEST_RABBITMQCTL to a"
                + " command that may, such as 'sudo rabbitmqctl')?";
    }
}
