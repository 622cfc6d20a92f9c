package org.echoscu.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real proxy from Debian's packages, started on a loopback port with a configuration file
 * of the test's own (never the system service's): tinyproxy (HTTP CONNECT) or danted
 * (dante-server, SOCKS5). Missing packages fail the tests: .ci/run installs them.
 */
final class Proxy implements AutoCloseable {

    /** The system user danted checks SOCKS5 user/password against (.ci/run creates it). */
    static final String SOCKS_USER = "echoscuproxy";
    static final String SOCKS_PASSWORD = "s0cks-test-only";

    final int port;
    private final Process process;
    private final Path dir;

    private Proxy(int port, Process process, Path dir) {
        this.port = port;
        this.process = process;
        this.dir = dir;
    }

    /**
     * tinyproxy allowing CONNECT to the given ports only (any other is refused with 403);
     * {@code user}/{@code password} turn on basic authentication when not null.
     */
    static Proxy tinyproxy(String user, String password, int... connectPorts) throws IOException {
        int port = Ports.free();
        Path dir = Files.createTempDirectory("tinyproxy");
        StringBuilder conf = new StringBuilder()
                .append("Port ").append(port).append('\n')
                .append("Listen 127.0.0.1\nTimeout 30\nMaxClients 50\nAllow 127.0.0.1\nLogLevel Info\n")
                .append("LogFile \"").append(dir.resolve("tinyproxy.log")).append("\"\n");
        for (int p : connectPorts) {
            conf.append("ConnectPort ").append(p).append('\n');
        }
        if (user != null) {
            conf.append("BasicAuth ").append(user).append(' ').append(password).append('\n');
        }
        Files.writeString(dir.resolve("tinyproxy.conf"), conf);
        return start(List.of(binary("tinyproxy", "tinyproxy"), "-d", "-c", dir.resolve("tinyproxy.conf").toString()),
                port, dir);
    }

    /**
     * danted allowing connections to 127.0.0.1 on the given ports only (others: "not allowed by
     * ruleset"); with {@code authenticate}, the user/password method against the system user.
     */
    static Proxy danted(boolean authenticate, int... allowedPorts) throws IOException {
        if (authenticate) {
            Run id = Commands.run(List.of("id", SOCKS_USER), Duration.ofSeconds(10));
            if (id.exitCode() != 0) {
                fail("the system user %s is missing: danted checks SOCKS5 passwords against system users "
                        + "(.ci/run creates it: useradd -M -s /usr/sbin/nologin %s; password %s)",
                        SOCKS_USER, SOCKS_USER, SOCKS_PASSWORD);
            }
        }
        int port = Ports.free();
        Path dir = Files.createTempDirectory("danted");
        StringBuilder conf = new StringBuilder()
                .append("logoutput: ").append(dir.resolve("danted.log")).append('\n')
                .append("internal: 127.0.0.1 port = ").append(port).append('\n')
                .append("external: 127.0.0.1\n")
                .append("clientmethod: none\n")
                .append("socksmethod: ").append(authenticate ? "username" : "none").append('\n')
                .append("user.privileged: root\nuser.unprivileged: nobody\n")
                .append("client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }\n");
        for (int p : allowedPorts) {
            conf.append("socks pass { from: 127.0.0.0/8 to: 127.0.0.1/32 port = ").append(p).append(" }\n");
        }
        conf.append("socks block { from: 0.0.0.0/0 to: 0.0.0.0/0 }\n");
        Files.writeString(dir.resolve("danted.conf"), conf);
        return start(List.of(binary("danted", "dante-server"), "-f", dir.resolve("danted.conf").toString(), "-N", "1"),
                port, dir);
    }

    private static Proxy start(List<String> cmd, int port, Path dir) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Proxy proxy = new Proxy(port, p, dir);
        try {
            Ports.awaitListening(port, Duration.ofSeconds(20));
        } catch (AssertionError e) {
            proxy.close();
            throw new AssertionError(cmd + " did not start listening:\n" + proxy.log(), e);
        }
        return proxy;
    }

    private static String binary(String tool, String pkg) {
        for (String d : new String[] {"/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"}) {
            File f = new File(d, tool);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return fail("%s is not installed: the proxy tests need it (apt-get install -y %s; .ci/run does this)",
                tool, pkg);
    }

    /** The proxy's own output and log, for failure messages. */
    String log() {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                sb.append("--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        } catch (IOException e) {
            sb.append(e);
        }
        return sb.toString();
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
