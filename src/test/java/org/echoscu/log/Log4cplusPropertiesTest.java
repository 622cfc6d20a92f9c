package org.echoscu.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class Log4cplusPropertiesTest {

    private static Log4cplusProperties parse(String text) {
        return Log4cplusProperties.parse(text, Log4cplusProperties.oflogVariables("echoscu"));
    }

    @Test
    void syntaxAsLog4cplusReadsIt() {
        Log4cplusProperties p = parse("# comment\n   # indented comment\n\n"
                + "log4cplus.rootLogger = DEBUG, console, logfile   \r\n"
                + "\tlog4cplus.a=b=c\n"
                + "no equals sign here\n"
                + "log4cplus.dup = 1\nlog4cplus.dup = 2\n"
                + "log4cplus.back = C:\\logs\\x.log\n");
        assertThat(p.get("log4cplus.rootLogger")).isEqualTo("DEBUG, console, logfile");
        assertThat(p.get("log4cplus.a")).isEqualTo("b=c");
        assertThat(p.get("log4cplus.dup")).isEqualTo("2");
        assertThat(p.get("log4cplus.back")).isEqualTo("C:\\logs\\x.log");
        assertThat(p.contains("no equals sign here")).isFalse();
        assertThat(p.keysStartingWith("log4cplus.")).containsExactly("log4cplus.rootLogger", "log4cplus.a",
                "log4cplus.dup", "log4cplus.back");
    }

    @Test
    void oflogVariables() {
        Log4cplusProperties p = parse("appname = overridden\nx = ${appname}.log|${pid}|${date}|${time}");
        String[] v = p.get("x").split("\\|");
        assertThat(v[0]).isEqualTo("echoscu.log");
        assertThat(v[1]).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(v[2]).matches("\\d{8}");
        assertThat(v[3]).matches("\\d{6}");
    }

    @Test
    void fileKeysSystemPropertiesAndEnvironment() {
        System.setProperty("echoscu.test.dir", "/var/log/x");
        try {
            Map.Entry<String, String> env = System.getenv().entrySet().stream()
                    .filter(e -> !e.getValue().contains("${") && System.getProperty(e.getKey()) == null)
                    .findFirst().orElseThrow();
            Log4cplusProperties p = parse("log4cplus.rootLogger = INFO, c\n"
                    + "a = [${log4cplus.rootLogger}]\n"
                    + "b = ${echoscu.test.dir}/${appname}.log\n"
                    + "c = ${" + env.getKey() + "}\n"
                    + "d = ${no.such.variable.anywhere} ${unclosed\n");
            assertThat(p.get("a")).isEqualTo("[INFO, c]");
            assertThat(p.get("b")).isEqualTo("/var/log/x/echoscu.log");
            assertThat(p.get("c")).isEqualTo(env.getValue());
            assertThat(p.get("d")).isEqualTo("${no.such.variable.anywhere} ${unclosed");
        } finally {
            System.clearProperty("echoscu.test.dir");
        }
    }

    @Test
    void recursiveButCycleSafe() {
        Log4cplusProperties p = parse("a = [${b}]\nb = ${c}\nc = deep\nloop = x${loop}\nping = ${pong}\npong = ${ping}");
        assertThat(p.get("a")).isEqualTo("[deep]");
        assertThat(p.get("loop")).isEqualTo("x${loop}");
        assertThat(p.get("ping")).isEqualTo("${ping}");
    }

    @Test
    void hostnameVariable() {
        Map<String, Supplier<String>> vars = Log4cplusProperties.oflogVariables("echoscu");
        assertThat(vars).containsKeys("appname", "date", "time", "pid", "hostname");
        assertThat(Log4cplusProperties.parse("h = ${hostname}", vars).get("h")).isNotBlank().doesNotContain("${");
    }
}
