package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.echoscu.tls.KeyMaterial;
import org.echoscu.tls.TestPki;
import org.junit.jupiter.api.Test;

/**
 * --web.config.file, exporter-toolkit's format: basic authentication with an htpasswd bcrypt hash
 * on every endpoint (no probe made without it, the password never logged), TLS with client
 * certificates required and verified, the configured headers, and a change of the file picked
 * up while running (a broken one keeps the last good one).
 */
class ExporterWebConfigIT {

    private static final String CONFIG = "modules:\n  echo:\n    timeout: 5s\n";
    private static final String PASSWORD = "s3cret-Scrape";

    private static String bcrypt(String user, String password) {
        Run r = Commands.run(List.of("htpasswd", "-nbBC", "10", user, password), Duration.ofSeconds(30), "", Map.of());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.stdout().trim().substring(user.length() + 1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAuthGuardsEveryEndpointAndAProbeIsMadeOnlyWithIt() throws Exception {
        Path web = Files.createTempFile("web", ".yml");
        Files.writeString(web, "basic_auth_users:\n  prometheus: " + bcrypt("prometheus", PASSWORD) + "\n"
                + "http_server_config:\n  headers:\n    X-Frame-Options: deny\n");
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             Exporter e = Exporter.start(CONFIG, "--web.config.file=" + web)) {
            peer.setSoTimeout(1000);
            String probe = "/probe?target=127.0.0.1:" + peer.getLocalPort();
            for (String path : List.of(probe, "/metrics", "/-/healthy")) {
                HttpResponse<String> none = e.get(path);
                assertThat(none.statusCode()).as(path).isEqualTo(401);
                assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
                assertThat(e.get(path, "Authorization", basic("prometheus", "wrong-" + PASSWORD)).statusCode()).isEqualTo(401);
            }
            try (Socket s = peer.accept()) {
                throw new AssertionError("a probe was made without credentials: " + s);
            } catch (java.net.SocketTimeoutException expected) {
                // no connection reached the peer
            }
            HttpResponse<String> ok = e.get("/metrics", "Authorization", basic("prometheus", PASSWORD));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-Frame-Options")).contains("deny");
            Thread.sleep(300);
            assertThat(e.log()).contains("unauthorized request", "user=prometheus").doesNotContain(PASSWORD);

            // a broken file keeps the last good one; a good change is picked up
            Files.writeString(web, "basic_auth_users:\n  prometheus: not-a-hash\n");
            Thread.sleep(3000);
            assertThat(e.get("/metrics", "Authorization", basic("prometheus", PASSWORD)).statusCode()).isEqualTo(200);
            assertThat(e.log()).contains("web configuration not reloaded");
            Files.writeString(web, "basic_auth_users:\n  other: " + bcrypt("other", "x-" + PASSWORD) + "\n");
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (e.get("/metrics", "Authorization", basic("prometheus", PASSWORD)).statusCode() != 401
                    && System.nanoTime() < end) {
                Thread.sleep(200);
            }
            assertThat(e.get("/metrics", "Authorization", basic("prometheus", PASSWORD)).statusCode()).isEqualTo(401);
            assertThat(e.get("/metrics", "Authorization", basic("other", "x-" + PASSWORD)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tlsWithRequiredAndVerifiedClientCertificates() throws Exception {
        Path web = Files.createTempFile("web", ".yml");
        Files.writeString(web, """
                tls_server_config:
                  cert_file: %s
                  key_file: %s
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: %s
                  min_version: TLS12
                """.formatted(TestPki.file("server.pem"), TestPki.file("server.key"), TestPki.file("ca.pem")));
        try (Exporter e = Exporter.start(CONFIG, "--web.config.file=" + web)) {
            URI uri = URI.create("https://localhost:" + e.port + "/-/healthy");
            HttpResponse<String> ok = client(true).send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> client(false).send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString())).as("no client certificate").isInstanceOf(java.io.IOException.class);
            assertThatThrownBy(() -> Exporter.HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + e.port + "/-/healthy")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString())).as("plain HTTP").isInstanceOf(Exception.class);
        }
    }

    @Test
    void sighupTakesUpARenewedCertificateBehindAnUnchangedFile() throws Exception {
        Path dir = Files.createTempDirectory("web");
        Path cert = dir.resolve("server.pem");
        Files.copy(Path.of(TestPki.file("server.pem")), cert);
        Path web = dir.resolve("web.yml");
        Files.writeString(web, "tls_server_config:\n  cert_file: %s\n  key_file: %s\n"
                .formatted(cert, TestPki.file("server.key")));
        try (Exporter e = Exporter.start(CONFIG, "--web.config.file=" + web)) {
            URI uri = URI.create("https://localhost:" + e.port + "/-/healthy");
            HttpClient trusting = client(false);
            assertThat(trusting.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            // the same key, now certified by a CA the client does not trust; web.yml is unchanged
            Files.copy(Path.of(TestPki.file("server-other.pem")), cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Thread.sleep(3000); // the watcher's checks see no change in web.yml
            assertThat(client(false).send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as("not re-read without a signal").isEqualTo(200);
            new ProcessBuilder("kill", "-HUP", Long.toString(e.pid())).start().waitFor();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean refused = false;
            while (!refused && System.nanoTime() < end) {
                try {
                    client(false).send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                    Thread.sleep(200);
                } catch (java.io.IOException handshake) {
                    refused = true; // the renewed certificate is served: the client does not trust its CA
                }
            }
            assertThat(refused).as("the certificate re-read on SIGHUP:\n%s", e.log()).isTrue();
            assertThat(e.log()).contains("web configuration reloaded");
        }
    }

    /** A client trusting the test CA, with the test client certificate or without. */
    private static HttpClient client(boolean withCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", KeyMaterial.readCertificates(TestPki.file("ca.pem"), false).get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (withCertificate) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", KeyMaterial.readPrivateKey(TestPki.file("client.key"), false, f -> new char[0]),
                    new char[0], KeyMaterial.readCertificates(TestPki.file("client.pem"), false).toArray(new X509Certificate[0]));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
