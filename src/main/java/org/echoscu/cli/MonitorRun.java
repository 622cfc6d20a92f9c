package org.echoscu.cli;

import java.io.PrintStream;

import org.echoscu.log.Logs;
import org.echoscu.net.SocketLayer;
import org.echoscu.probe.ProbeResult;
import org.echoscu.report.NagiosView;
import org.echoscu.report.ProbeView;
import org.echoscu.report.Series;
import org.echoscu.scu.EchoRun;
import org.echoscu.scu.EchoScu;
import org.echoscu.scu.EchoSettings;
import org.echoscu.scu.ProbeResults;
import org.echoscu.tls.TlsSettings;
import org.slf4j.Logger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * echoscu with monitoring options: {@code --count} probes (each a whole association) at
 * {@code --interval}, each told to the chosen view as it ends, then the series. SIGINT or
 * SIGTERM (what a monitor, systemd or a script's {@code kill} sends; a background job of a
 * script has SIGINT ignored) ends the current probe at once (A-ABORT if an association is
 * open), skips the rest, and still prints the summary and exits with the code of the worst
 * finished probe. A second signal ends the process at once (exit 128 + its number: 130, 143),
 * for a connect that nothing bounds.
 */
final class MonitorRun implements SignalHandler {

    private final MonitorOptions options;
    private final Object pause = new Object();
    private volatile boolean stopped;
    private volatile EchoScu current;

    private MonitorRun(MonitorOptions options) {
        this.options = options;
    }

    static int run(ParsedArgs p, EchoSettings settings, TlsSettings tls, PrintStream out) throws UsageException {
        MonitorOptions options = MonitorOptions.parse(p);
        Logger log = Logs.get("dcmtk.apps.echoscu");
        SocketLayer layer = null;
        if (tls != null) {
            layer = TlsRuntime.clientLayer(tls, settings.acseTimeout(), p.has("--check-hostname"), log);
            if (layer == null) { // already said why on stderr
                if (options.format().equals("nagios")) {
                    out.println(NagiosView.unknown("TLS settings cannot be used (see the error above)"));
                    return NagiosView.UNKNOWN;
                }
                return 1;
            }
        }
        EchoSettings s = layer == null ? settings : settings.withLayer(layer);
        MonitorRun run = new MonitorRun(options);
        run.handle("INT");
        run.handle("TERM");
        ProbeView view = options.view(out);
        Series series = run.probes(s, view);
        view.end(series);
        if (layer != null) {
            TlsRuntime.finish(layer);
        }
        return view.exitCode(series);
    }

    /** Makes {@code name} stop the series, as {@link #handle(Signal)} says. */
    private void handle(String name) {
        try {
            Signal.handle(new Signal(name), this);
        } catch (IllegalArgumentException e) { // the JVM keeps the signal (-Xrs): it then ends the JVM as usual
            Logs.get("dcmtk.apps.echoscu").debug("SIG{} not handled: {}", name, e.getMessage());
        }
    }

    /** Runs the probes; returns them added up. */
    private Series probes(EchoSettings s, ProbeView view) {
        Series series = new Series();
        long next = System.nanoTime();
        for (int seq = 1; options.count() == 0 || seq <= options.count(); seq++) {
            if (seq > 1 && !waitUntil(next)) {
                break;
            }
            next = System.nanoTime() + options.intervalNanos(); // from start to start, as ping
            EchoScu scu = new EchoScu(s);
            current = scu;
            if (stopped) {
                break;
            }
            EchoRun ran = scu.run();
            current = null;
            ProbeResult r = ProbeResults.of(ran);
            series.add(r);
            view.probe(seq, r);
            if (stopped) {
                break;
            }
        }
        if (stopped) {
            series.interrupted();
        }
        return series;
    }

    /** Sleeps until {@code deadline}; false when SIGINT or SIGTERM came first. */
    private boolean waitUntil(long deadline) {
        synchronized (pause) {
            long left;
            while (!stopped && (left = deadline - System.nanoTime()) > 0) {
                try {
                    pause.wait(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !stopped;
    }

    /** SIGINT, SIGTERM: stop the series; the first also ends the running probe cleanly. */
    @Override
    public void handle(Signal sig) {
        if (stopped) {
            Runtime.getRuntime().halt(128 + sig.getNumber());
        }
        stopped = true;
        EchoScu scu = current;
        if (scu != null) {
            scu.interrupt();
        }
        synchronized (pause) {
            pause.notifyAll();
        }
    }
}
