package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Where echoscp listens: -i4 (the default) on IPv4 alone (0.0.0.0, not the dual stack), -i6 on
 * the dual stack, --listen-address on one address (127.0.0.1, ::1) and nowhere else. Checked
 * by echoes over 127.0.0.1 and ::1 and by the kernel's tables of listening sockets.
 */
class EchoscpListenIT {

    /** Our echoscp with {@code options}, once it accepts connections on {@code host}. */
    private static Process echoscp(int port, String host, String... options) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Commands.ROOT.resolve("bin/echoscp").toString());
        cmd.addAll(List.of(options));
        cmd.add(String.valueOf(port));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 200);
                return p;
            } catch (IOException e) {
                Ports.sleep(20);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("echoscp " + cmd + " not listening on " + host + " port " + port);
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static Run echo(String family, String host, int port) {
        return Commands.echoscu(family, "-to", "5", host, String.valueOf(port));
    }

    /** The local addresses listening on {@code port}, from /proc/net/tcp and tcp6 ("tcp 0100007F" for 127.0.0.1). */
    private static List<String> listening(int port) throws IOException {
        List<String> found = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : new String[] {"tcp", "tcp6"}) {
            for (String line : Files.readAllLines(Path.of("/proc/net", table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) { // 0A: LISTEN
                    found.add(table + " " + f[1].substring(0, f[1].length() - 5));
                }
            }
        }
        return found;
    }

    @Test
    void ipv4IsIpv4Only() throws Exception {
        int port = Ports.free();
        Process p = echoscp(port, "127.0.0.1");
        try {
            assertThat(listening(port)).containsExactly("tcp 00000000");
            assertThat(echo("-i4", "127.0.0.1", port).exitCode()).isZero();
            Run v6 = echo("-i6", "::1", port);
            assertThat(v6.exitCode()).isEqualTo(1);
            assertThat(v6.stderr()).contains("refused");
        } finally {
            stop(p);
        }
        port = Ports.free();
        p = echoscp(port, "127.0.0.1", "-i4");
        try {
            assertThat(listening(port)).containsExactly("tcp 00000000");
        } finally {
            stop(p);
        }
    }

    @Test
    void ipv6IsTheDualStack() throws Exception {
        int port = Ports.free();
        Process p = echoscp(port, "::1", "-i6");
        try {
            assertThat(listening(port)).containsExactly("tcp6 00000000000000000000000000000000");
            assertThat(echo("-i6", "::1", port).exitCode()).isZero();
            assertThat(echo("-i4", "127.0.0.1", port).exitCode()).isZero();
        } finally {
            stop(p);
        }
    }

    @Test
    void listenAddressIsThatAddressAlone() throws Exception {
        int port = Ports.free();
        Process p = echoscp(port, "127.0.0.1", "--listen-address", "127.0.0.1");
        try {
            assertThat(listening(port)).containsExactly("tcp 0100007F");
            assertThat(echo("-i4", "127.0.0.1", port).exitCode()).isZero();
            assertThat(echo("-i6", "::1", port).exitCode()).isEqualTo(1);
        } finally {
            stop(p);
        }
        port = Ports.free();
        p = echoscp(port, "::1", "--listen-address", "::1");
        try {
            assertThat(listening(port)).containsExactly("tcp6 00000000000000000000000001000000");
            assertThat(echo("-i6", "::1", port).exitCode()).isZero();
            Run v4 = echo("-i4", "127.0.0.1", port);
            assertThat(v4.exitCode()).isEqualTo(1);
            assertThat(v4.stderr()).contains("refused");
        } finally {
            stop(p);
        }
        Run name = Commands.run(List.of(Commands.ROOT.resolve("bin/echoscp").toString(), "--listen-address",
                "localhost", "104"), Duration.ofSeconds(30));
        assertThat(name.exitCode()).isEqualTo(1);
        assertThat(name.stderrLines()).contains("error: Invalid value for option --listen-address (localhost: not an"
                + " IPv4 or IPv6 address)");
    }
}
