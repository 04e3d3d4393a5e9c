package com.claudioportal.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A child process's output, copied on a daemon thread {@code <name>-output} to a log (appended) or, with no
 * log, to this process's standard output behind {@code [<name>]}, watched for the line that says the child
 * is ready. Public for the reason {@link Processes} is.
 */
public final class ProcessOutput {

    private ProcessOutput() {
    }

    /**
     * Starts copying; the future completes with what {@code ready} makes of the first line it does not
     * answer null for, and fails with {@code whenEnded} if the output ends before such a line.
     */
    public static <T> CompletableFuture<T> follow(Process process, String name, Path log, Function<String, T> ready,
            Supplier<String> whenEnded) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, name, log, ready, whenEnded, result), name + "-output");
        pump.setDaemon(true);
        pump.start();
        return result;
    }

    private static <T> void pump(Process process, String name, Path log, Function<String, T> ready, Supplier<String> whenEnded,
            CompletableFuture<T> result) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintStream out = log == null ? null : new PrintStream(Files.newOutputStream(log, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (out != null) {
                    out.println(line);
                } else {
                    System.out.println("[" + name + "] " + line);
                }
                T value = result.isDone() ? null : ready.apply(line);
                if (value != null) {
                    result.complete(value);
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            result.completeExceptionally(new IllegalStateException(whenEnded.get()));
        }
    }
}
