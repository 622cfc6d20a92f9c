package org.echoscu.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;

/**
 * -lc files applied to the real logger context. Log files go to a temporary directory passed
 * as the base directory, so the working directory is never written to.
 */
class Log4cplusConfigTest {

    private static final String CONSOLE_TIME = "\\d\\d:\\d\\d:\\d\\d";
    private static final String FILE_TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream savedErr;
    private PrintStream savedOut;

    private final Logger echoscu = LoggerFactory.getLogger("dcmtk.apps.echoscu");
    private final Logger dcmnet = LoggerFactory.getLogger("dcmtk.dcmnet");

    @BeforeEach
    void captureConsole() {
        savedErr = System.err;
        savedOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(savedErr);
        System.setOut(savedOut);
        Logs.useConsole(); // also closes the files the test opened
    }

    private static LoggerContext ctx() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    private static Path shipped(String name) throws URISyntaxException {
        return Path.of(Log4cplusConfigTest.class.getResource("/log4cplus/" + name).toURI());
    }

    private List<String> apply(Path file) throws Log4cplusConfig.ConfigException {
        return Log4cplusConfig.configure(ctx(), file, "echoscu", dir);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String stream(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }

    private List<String> lines(String file) throws IOException {
        return Files.readAllLines(dir.resolve(file));
    }

    /** Lines with the leading time stamp replaced by "T", after checking its format. */
    private static List<String> untimed(List<String> lines, String timeRegex) {
        assertThat(lines).allMatch(l -> l.matches("^" + timeRegex + " .*$"), "starts with a time stamp");
        return lines.stream().map(l -> l.replaceFirst("^" + timeRegex, "T")).collect(Collectors.toList());
    }

    // --- DCMTK's shipped files, unchanged ----------------------------------------------------

    @Test
    void loggerCfgShowsInfoOnStderrAndAppendsDebugToAppnameLog() throws Exception {
        write("echoscu.log", "from an earlier run\n");
        assertThat(apply(shipped("logger.cfg"))).isEmpty();

        echoscu.trace("a trace line");
        echoscu.debug("Request Parameters:\nOur Max PDU Receive Size: 16384");
        echoscu.info("Requesting Association");
        echoscu.warn("a warning");
        echoscu.error(Fatal.MARKER, "Association Request Failed");
        LoggerFactory.getLogger("dcmtk.dcmnet.responses").debug("a response dump");
        LoggerFactory.getLogger("dcmtk.dcmnet.responses").info("a response summary");

        List<String> console = stream(err).lines().collect(Collectors.toList());
        assertThat(console.get(0)).matches("^" + CONSOLE_TIME + "  INFO: Requesting Association$");
        assertThat(untimed(console, CONSOLE_TIME)).containsExactly(
                "T  INFO: Requesting Association",
                "T  WARN: a warning",
                "T FATAL: Association Request Failed",
                "T  INFO: a response summary");
        assertThat(stream(out)).isEmpty();

        List<String> file = lines("echoscu.log");
        assertThat(file.get(0)).isEqualTo("from an earlier run");
        assertThat(file.get(3)).matches("^" + FILE_TIME + "  INFO: Requesting Association$");
        assertThat(untimed(file.subList(1, file.size()), FILE_TIME)).containsExactly(
                "T DEBUG: Request Parameters:",
                "T DEBUG: Our Max PDU Receive Size: 16384",
                "T  INFO: Requesting Association",
                "T  WARN: a warning",
                "T FATAL: Association Request Failed",
                "T  INFO: a response summary");
    }

    @Test
    void filelogCfgShowsOnlyErrorsOnStderrAndRollsDebugIntoAppnameLog() throws Exception {
        assertThat(apply(shipped("filelog.cfg"))).isEmpty();

        echoscu.debug("debug line");
        echoscu.info("Requesting Association");
        echoscu.warn("a warning");
        dcmnet.error("an error");
        echoscu.error(Fatal.MARKER, "Association Request Failed");

        List<String> console = stream(err).lines().collect(Collectors.toList());
        assertThat(untimed(console, CONSOLE_TIME)).containsExactly(
                "T ERROR: an error",
                "T FATAL: Association Request Failed");

        List<String> file = lines("echoscu.log");
        assertThat(file.get(1)).matches("^" + FILE_TIME + "  INFO - echoscu  - Requesting Association$");
        assertThat(untimed(file, FILE_TIME)).containsExactly(
                "T DEBUG - echoscu  - debug line",
                "T  INFO - echoscu  - Requesting Association",
                "T  WARN - echoscu  - a warning",
                "T ERROR - dcmnet   - an error",
                "T FATAL - echoscu  - Association Request Failed");
    }

    @Test
    void publicApplyPrintsLog4cplusComplaintsOnStderr() throws Exception {
        Path cfg = write("x.cfg", "log4cplus.rootLogger = INFO, nowhere\n");
        Log4cplusConfig.apply(cfg, "echoscu", dir);
        assertThat(stream(err)).isEqualTo(
                "log4cplus:ERROR PropertyConfigurator::configureLogger()- Invalid appender: nowhere"
                        + System.lineSeparator());
    }

    // --- Rolling ------------------------------------------------------------------------------

    /** filelog.cfg with other MaxFileSize and MaxBackupIndex values. */
    private Path filelogWith(String maxFileSize, String maxBackupIndex) throws Exception {
        String text = Files.readString(shipped("filelog.cfg"))
                .replace("MaxFileSize = 5MB", "MaxFileSize = " + maxFileSize)
                .replace("MaxBackupIndex = 10", "MaxBackupIndex = " + maxBackupIndex);
        assertThat(text).contains("MaxFileSize = " + maxFileSize);
        return write("small.cfg", text);
    }

    private static int seq(String line) {
        return Integer.parseInt(line.substring(line.lastIndexOf('#') + 1));
    }

    @Test
    void rollsBySizeIntoNumberedBackupsNewestFirst() throws Exception {
        apply(filelogWith("200KB", "3"));
        String padding = "x".repeat(60);
        for (int i = 0; i < 12_000; i++) { // about 1.2 MB
            echoscu.debug("{} #{}", padding, i);
        }
        assertThat(dir.resolve("echoscu.log")).exists();
        assertThat(dir.resolve("echoscu.log.1")).exists();
        assertThat(dir.resolve("echoscu.log.2")).exists();
        assertThat(dir.resolve("echoscu.log.3")).exists();
        assertThat(dir.resolve("echoscu.log.4")).doesNotExist();
        for (String backup : List.of("echoscu.log.1", "echoscu.log.2", "echoscu.log.3")) {
            long size = Files.size(dir.resolve(backup));
            assertThat(size).as(backup).isBetween(200 * 1024L, 200 * 1024L + 200);
        }
        // .3 is the oldest, then .2, .1, the current file; no line lost between them.
        List<String> l3 = lines("echoscu.log.3");
        List<String> l2 = lines("echoscu.log.2");
        List<String> l1 = lines("echoscu.log.1");
        List<String> l0 = lines("echoscu.log");
        assertThat(seq(l2.get(0))).isEqualTo(seq(l3.get(l3.size() - 1)) + 1);
        assertThat(seq(l1.get(0))).isEqualTo(seq(l2.get(l2.size() - 1)) + 1);
        assertThat(seq(l0.get(0))).isEqualTo(seq(l1.get(l1.size() - 1)) + 1);
        assertThat(seq(l0.get(l0.size() - 1))).isEqualTo(11_999);
        assertThat(l0.get(0)).matches("^" + FILE_TIME + " DEBUG - echoscu  - x{60} #\\d+$");
    }

    @Test
    void maxFileSizeBelow200KbIsRaisedTo200KbAsLog4cplusDoes() throws Exception {
        apply(filelogWith("1KB", "0"));
        String padding = "y".repeat(90);
        for (int i = 0; i < 1000; i++) { // about 140 KB
            echoscu.debug("{} #{}", padding, i);
        }
        assertThat(Files.size(dir.resolve("echoscu.log"))).isBetween(100 * 1024L, 200 * 1024L);
        assertThat(dir.resolve("echoscu.log.1")).doesNotExist();
        for (int i = 1000; i < 4000; i++) { // about 560 KB in all
            echoscu.debug("{} #{}", padding, i);
        }
        // MaxBackupIndex 0 counts as 1, as in log4cplus.
        assertThat(dir.resolve("echoscu.log.1")).exists();
        assertThat(dir.resolve("echoscu.log.2")).doesNotExist();
        assertThat(Files.size(dir.resolve("echoscu.log.1"))).isBetween(200 * 1024L, 200 * 1024L + 200);
    }

    @Test
    void maxFileSizeUnits() {
        assertThat(Log4cplusConfig.maxFileSize("5MB")).isEqualTo(5 * 1024 * 1024L);
        assertThat(Log4cplusConfig.maxFileSize("500KB")).isEqualTo(500 * 1024L);
        assertThat(Log4cplusConfig.maxFileSize("300kb")).isEqualTo(300 * 1024L);
        assertThat(Log4cplusConfig.maxFileSize("1000000")).isEqualTo(1_000_000L);
        assertThat(Log4cplusConfig.maxFileSize("")).isEqualTo(10 * 1024 * 1024L);
        assertThat(Log4cplusConfig.maxFileSize("junk")).isEqualTo(200 * 1024L);
        assertThat(Log4cplusConfig.maxFileSize("10")).isEqualTo(200 * 1024L);
    }

    // --- Loggers and levels -------------------------------------------------------------------

    private static final String TO_FILE = "log4cplus.appender.f = log4cplus::FileAppender\n"
            + "log4cplus.appender.f.File = levels.log\n"
            + "log4cplus.appender.f.layout = log4cplus::PatternLayout\n"
            + "log4cplus.appender.f.layout.ConversionPattern = %c %p %m%n\n";

    @Test
    void perLoggerLevels() throws Exception {
        apply(write("levels.cfg", "log4cplus.rootLogger = WARN, f\n" + TO_FILE
                + "log4cplus.logger.dcmtk.dcmnet = debug\n"
                + "log4cplus.logger.dcmtk.dcmnet.responses = INHERIT\n"
                + "log4cplus.logger.dcmtk.apps.echoscu = FATAL\n"
                + "log4cplus.logger.dcmtk.apps.echoscp = OFF\n"
                + "log4cplus.logger.dcmtk.apps.echoscp.detail = TRACE\n"));
        LoggerFactory.getLogger("dcmtk.dcmdata").info("dcmdata info");
        LoggerFactory.getLogger("dcmtk.dcmdata").warn("dcmdata warn");
        dcmnet.trace("dcmnet trace");
        dcmnet.debug("dcmnet debug");
        LoggerFactory.getLogger("dcmtk.dcmnet.responses").debug("responses debug");
        echoscu.error("echoscu error");
        echoscu.error(Fatal.MARKER, "echoscu fatal");
        LoggerFactory.getLogger("dcmtk.apps.echoscu.child").error("child error");
        LoggerFactory.getLogger("dcmtk.apps.echoscu.child").error(Fatal.MARKER, "child fatal");
        LoggerFactory.getLogger("dcmtk.apps.echoscp").error(Fatal.MARKER, "echoscp fatal");
        LoggerFactory.getLogger("dcmtk.apps.echoscp.detail").trace("detail trace");
        assertThat(lines("levels.log")).containsExactly(
                "dcmtk.dcmdata WARN dcmdata warn",
                "dcmtk.dcmnet DEBUG dcmnet debug",
                "dcmtk.dcmnet.responses DEBUG responses debug",
                "dcmtk.apps.echoscu FATAL echoscu fatal",
                "dcmtk.apps.echoscu.child FATAL child fatal",
                "dcmtk.apps.echoscp.detail TRACE detail trace");
    }

    @Test
    void fatalRoot() throws Exception {
        apply(write("fatal.cfg", "log4cplus.rootLogger = Fatal, f\n" + TO_FILE));
        echoscu.error("an error");
        echoscu.error(Fatal.MARKER, "a fatal error");
        assertThat(lines("levels.log")).containsExactly("dcmtk.apps.echoscu FATAL a fatal error");
    }

    @Test
    void appendersOnLoggersAdditivityAndNullAppender() throws Exception {
        apply(write("add.cfg", "log4cplus.rootLogger = INFO, f\n" + TO_FILE
                + "log4cplus.logger.dcmtk.dcmnet = INHERIT, net\n"
                + "log4cplus.additivity.dcmtk.dcmnet = false\n"
                + "log4cplus.appender.net = log4cplus::FileAppender\n"
                + "log4cplus.appender.net.File = logs/dcmnet.log\n"
                + "log4cplus.logger.dcmtk.dcmdata = INFO, null\n"
                + "log4cplus.additivity.dcmtk.dcmdata = 0\n"
                + "log4cplus.appender.null = log4cplus::NullAppender\n"));
        dcmnet.info("to dcmnet.log only");
        LoggerFactory.getLogger("dcmtk.dcmdata").info("nowhere");
        echoscu.info("to levels.log");
        assertThat(lines("logs/dcmnet.log")).containsExactly("INFO - to dcmnet.log only");
        assertThat(lines("levels.log")).containsExactly("dcmtk.apps.echoscu INFO to levels.log");
    }

    // --- Appenders, layouts, filters -----------------------------------------------------------

    @Test
    void consoleWithoutLogToStderrWritesToStdoutWithSimpleLayout() throws Exception {
        apply(write("c.cfg", "log4cplus.rootLogger = INFO, c\nlog4cplus.appender.c = log4cplus::ConsoleAppender\n"));
        echoscu.info("Requesting Association");
        assertThat(stream(out)).isEqualTo("INFO - Requesting Association\n");
        assertThat(stream(err)).isEmpty();
    }

    @Test
    void fileAppenderTruncatesUnlessAppendIsSet() throws Exception {
        write("levels.log", "old\n");
        apply(write("t.cfg", "log4cplus.rootLogger = INFO, f\n" + TO_FILE));
        echoscu.info("new");
        assertThat(lines("levels.log")).containsExactly("dcmtk.apps.echoscu INFO new");
    }

    @Test
    void absoluteFileNamesStayAbsolute() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("abs.log");
        apply(write("abs.cfg", "log4cplus.rootLogger = INFO, f\n"
                + "log4cplus.appender.f = log4cplus::FileAppender\n"
                + "log4cplus.appender.f.File = " + elsewhere + "\n"));
        echoscu.info("absolute");
        assertThat(Files.readAllLines(elsewhere)).containsExactly("INFO - absolute");
    }

    @Test
    void processIdLevelLetterThreadAndShortLoggerName() throws Exception {
        apply(write("p.cfg", "log4cplus.rootLogger = TRACE, f\n"
                + "log4cplus.appender.f = log4cplus::FileAppender\n"
                + "log4cplus.appender.f.File = ${appname}-${pid}.log\n"
                + "log4cplus.appender.f.layout = log4cplus::PatternLayout\n"
                + "log4cplus.appender.f.layout.ConversionPattern = [%i] %P %-5p %c{1} %t: %m %%%n\n"));
        echoscu.info("hello");
        dcmnet.trace("there");
        long pid = ProcessHandle.current().pid();
        String thread = Thread.currentThread().getName();
        assertThat(lines("echoscu-" + pid + ".log")).containsExactly(
                "[" + pid + "] I INFO  echoscu " + thread + ": hello %",
                "[" + pid + "] T TRACE dcmnet " + thread + ": there %");
    }

    @Test
    void thresholdAndFilters() throws Exception {
        // logger.cfg's commented-out example, with log4cplus's spelling of the property names.
        apply(write("filters.cfg", "log4cplus.rootLogger = TRACE, c\n"
                + "log4cplus.appender.c = log4cplus::ConsoleAppender\n"
                + "log4cplus.appender.c.logToStderr = true\n"
                + "log4cplus.appender.c.Threshold = DEBUG\n"
                + "log4cplus.appender.c.layout = log4cplus::PatternLayout\n"
                + "log4cplus.appender.c.layout.ConversionPattern = %p %m%n\n"
                + "log4cplus.appender.c.filters.1 = log4cplus::spi::StringMatchFilter\n"
                + "log4cplus.appender.c.filters.1.StringToMatch = secret\n"
                + "log4cplus.appender.c.filters.1.AcceptOnMatch = false\n"
                + "log4cplus.appender.c.filters.2 = log4cplus::spi::LogLevelMatchFilter\n"
                + "log4cplus.appender.c.filters.2.LogLevelToMatch = DEBUG\n"
                + "log4cplus.appender.c.filters.3 = log4cplus::spi::LogLevelRangeFilter\n"
                + "log4cplus.appender.c.filters.3.LogLevelMin = warn\n"
                + "log4cplus.appender.c.filters.3.LogLevelMax = error\n"
                + "log4cplus.appender.c.filters.3.AcceptOnMatch = true\n"
                + "log4cplus.appender.c.filters.4 = log4cplus::spi::DenyAllFilter\n"));
        echoscu.trace("trace: below the threshold");
        echoscu.debug("debug: matched");
        echoscu.debug("debug: secret");
        echoscu.info("info: denied by all");
        echoscu.warn("warn: in range");
        echoscu.error("error: in range");
        echoscu.error(Fatal.MARKER, "fatal: above the range");
        assertThat(stream(err)).isEqualTo("DEBUG debug: matched\nWARN warn: in range\nERROR error: in range\n");
    }

    @Test
    void dailyRollingFileAppenderWrites() throws Exception {
        assertThat(apply(write("d.cfg", "log4cplus.rootLogger = INFO, d\n"
                + "log4cplus.appender.d = log4cplus::DailyRollingFileAppender\n"
                + "log4cplus.appender.d.File = daily.log\n"
                + "log4cplus.appender.d.Schedule = HOURLY\n"))).isEmpty();
        echoscu.info("daily");
        assertThat(lines("daily.log")).containsExactly("INFO - daily");
    }

    @Test
    void log4cplusComplaintsAreReportedAndTheRestStillApplies() throws Exception {
        List<String> warnings = apply(write("w.cfg", "log4cplus.rootLogger = INFO, f, missing, weird, c\n" + TO_FILE
                + "log4cplus.appender.weird = log4cplus::NoSuchAppender\n"
                + "log4cplus.appender.c = log4cplus::ConsoleAppender\n"
                + "log4cplus.appender.c.logToStderr = true\n"
                + "log4cplus.appender.c.Threshold = bogus\n"
                + "log4cplus.appender.c.layout = log4cplus::PatternLayout\n"
                + "log4cplus.appender.c.layout.ConversionPattern = [%y] %m%n\n"
                + "log4cplus.logger.dcmtk.dcmnet = LOUD\n"
                + "log4cplus.logger.dcmtk.dcmdata =\n"));
        assertThat(warnings).containsExactlyInAnyOrder(
                "log4cplus:ERROR Invalid log level \"LOUD\" for logger dcmtk.dcmnet: it inherits its level",
                "log4cplus:ERROR PropertyConfigurator::configureLogger()- Invalid config string(Logger = dcmtk.dcmdata): \"\"",
                "log4cplus:ERROR PropertyConfigurator::configureLogger()- Invalid appender: missing",
                "log4cplus:ERROR PropertyConfigurator::configureAppenders()- Cannot find AppenderFactory: "
                        + "log4cplus::NoSuchAppender",
                "log4cplus:ERROR Invalid Threshold \"bogus\" for appender c",
                "log4cplus:ERROR Unexpected char [y] at position 3 in conversion pattern.");
        echoscu.info("still logs");
        dcmnet.debug("inherited INFO drops this");
        assertThat(lines("levels.log")).containsExactly("dcmtk.apps.echoscu INFO still logs");
        assertThat(stream(err)).isEqualTo("[%y] still logs\n");
    }

    @Test
    void appendersThatCannotOpenTheirFileAreLeftOut() throws Exception {
        Files.createDirectory(dir.resolve("adir"));
        List<String> warnings = apply(write("bad.cfg", "log4cplus.rootLogger = INFO, f, g\n" + TO_FILE
                + "log4cplus.appender.g = log4cplus::FileAppender\n"
                + "log4cplus.appender.g.File = adir\n"));
        assertThat(warnings).containsExactly("log4cplus:ERROR Unable to open file: " + dir.resolve("adir"));
        echoscu.info("fine");
        assertThat(lines("levels.log")).containsExactly("dcmtk.apps.echoscu INFO fine");
    }

    // --- DCMTK's errors -----------------------------------------------------------------------

    @Test
    void missingFile() {
        assertThatThrownBy(() -> apply(dir.resolve("nope.cfg")))
                .isInstanceOf(Log4cplusConfig.ConfigException.class)
                .hasMessage("Specified --log-config file does not exist");
        assertThatThrownBy(() -> apply(dir))
                .hasMessage("Specified --log-config file does not exist");
    }

    @Test
    void noValidSettings() throws Exception {
        assertThatThrownBy(() -> apply(write("empty.cfg", "")))
                .isInstanceOf(Log4cplusConfig.ConfigException.class)
                .hasMessage("Specified --log-config file does not contain any valid settings");
        assertThatThrownBy(() -> apply(write("foo.cfg", "# only\nfoo = bar\nrootLogger = INFO, c\n")))
                .hasMessage("Specified --log-config file does not contain any valid settings");
    }

    @Test
    void noRootLogger() throws Exception {
        assertThatThrownBy(() -> apply(write("noroot.cfg", "log4cplus.appender.x = log4cplus::ConsoleAppender\n")))
                .isInstanceOf(Log4cplusConfig.ConfigException.class)
                .hasMessage("Specified --log-config file does not set up log4cplus.rootLogger");
    }

    @Test
    void invalidRootLevel() throws Exception {
        assertThatThrownBy(() -> apply(write("bogus.cfg", "log4cplus.rootLogger = BOGUS, c\n")))
                .hasMessage("Specified --log-config file gives log4cplus.rootLogger an invalid log level: \"BOGUS\"");
        assertThatThrownBy(() -> apply(write("blank.cfg", "log4cplus.rootLogger =\n")))
                .hasMessage("Specified --log-config file gives log4cplus.rootLogger an invalid log level: \"\"");
    }

    @Test
    void aRefusedFileLeavesTheLoggingAsItWas() throws Exception {
        apply(write("good.cfg", "log4cplus.rootLogger = INFO, f\n" + TO_FILE));
        assertThatThrownBy(() -> apply(write("bad.cfg", "log4cplus.appender.x = log4cplus::ConsoleAppender\n")))
                .isInstanceOf(Log4cplusConfig.ConfigException.class);
        echoscu.info("still here");
        assertThat(lines("levels.log")).containsExactly("dcmtk.apps.echoscu INFO still here");
    }

    // --- Start-up cost ---------------------------------------------------------------------------

    @Test
    void theDefaultSetUpDoesNotReferToThisFeature() throws IOException {
        for (Class<?> c : List.of(Logs.class, DcmtkLogger.class, ConsoleLog.class, LogLines.class, DcmtkLevel.class,
                DefaultConfigurator.class, Fatal.class)) {
            try (var in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(c.getName()).doesNotContain("Log4cplus").doesNotContain("Strftime");
            }
        }
    }
}
