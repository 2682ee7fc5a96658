package dev.atelier.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A real HTTP client (java.net.http) for the server under test. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(URI base) {
        this.base = base;
    }

    /** A multipart form: file parts (name → file name and bytes) and text fields. */
    static final class Form {
        private final String boundary = "atelier-" + UUID.randomUUID();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Form file(String name, String fileName, byte[] data) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(data);
            write("\r\n");
            return this;
        }

        Form file(String name, Path file) {
            try {
                return file(name, file.getFileName().toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Form field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        private void write(String s) {
            body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        HttpRequest.BodyPublisher publisher() {
            byte[] all = body.toByteArray();
            byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[all.length + end.length];
            System.arraycopy(all, 0, out, 0, all.length);
            System.arraycopy(end, 0, out, all.length, end.length);
            return HttpRequest.BodyPublishers.ofByteArray(out);
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }
    }

    /** A response with its body parsed as JSON when it is JSON. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        String error() {
            return json().path("error").asText();
        }
    }

    Reply submit(Form form) {
        return submit(form, Map.of());
    }

    Reply submit(Form form, Map<String, String> extraHeaders) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/api/jobs")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", form.contentType()).POST(form.publisher());
        extraHeaders.forEach(b::header);
        return send(b.build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).DELETE().build());
    }

    JsonNode status(String id) {
        Reply r = get("/api/jobs/" + id);
        if (r.status() != 200) {
            throw new AssertionError("status of " + id + ": HTTP " + r.status());
        }
        return r.json();
    }

    /** Polls until the job is done, cancelled or failed. */
    JsonNode awaitFinal(String id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode s = status(id);
            String state = s.path("status").asText();
            if (state.equals("done") || state.equals("cancelled") || state.equals("failed")) {
                return s;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("job " + id + " still " + state + " after " + timeout + ": " + s);
            }
            Thread.sleep(50);
        }
    }

    /** Polls until the job is running and has reported progress. */
    JsonNode awaitProgress(String id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode s = status(id);
            if (s.path("status").asText().equals("running") && s.has("progress")) {
                return s;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("job " + id + " has no progress after " + timeout + ": " + s);
            }
            Thread.sleep(20);
        }
    }

    HttpClient http() {
        return http;
    }

    URI base() {
        return base;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            return new Reply(r.statusCode(), headers, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
