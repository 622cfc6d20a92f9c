package org.echoscu.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.echoscu.acse.ProbeProposal;
import org.echoscu.acse.SopClassNames;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.acse.Uids;
import org.echoscu.fleet.FleetRun;
import org.echoscu.fleet.Progress;
import org.echoscu.fleet.TargetFiles;
import org.echoscu.fleet.TargetFormatException;
import org.echoscu.fleet.TargetSpec;
import org.echoscu.fleet.TargetWords;
import org.echoscu.log.DcmtkLevel;
import org.echoscu.log.Logs;
import org.echoscu.net.SocketLayer;
import org.echoscu.probe.ProbeResult;
import org.echoscu.report.FleetView;
import org.echoscu.report.PeerInfoJson;
import org.echoscu.report.PeerInfoText;
import org.echoscu.scu.EchoScu;
import org.echoscu.scu.EchoSettings;
import org.echoscu.scu.PeerInfo;
import org.echoscu.scu.PeerInfoProbe;
import org.echoscu.scu.ProbeResults;
import org.echoscu.tls.TlsSettings;

/**
 * echoscu beyond one plain echo: {@code --targets} and {@code AE@HOST:PORT} parameters (many
 * peers, {@code --parallel} at a time), and {@code --peer-info} (what a peer accepts). Loaded
 * only when one of them is given.
 */
final class ManyPeersCommand {

    static final int DEFAULT_PARALLEL = 32;
    static final int MAX_PARALLEL = 1024;

    private ManyPeersCommand() {
    }

    /** The peer-info options other than --peer-info itself, which make no sense without it. */
    private static final String[] PEER_INFO_ONLY = {"--probe-sop", "--probe-roles", "--probe-async",
        "--check-called-ae", "--cert-warn-days"};

    /** Monitoring options that speak of one peer's series of probes, not of many peers or a report. */
    private static final String[] ONE_PEER_ONLY = {"--timings", "--stats", "--count", "--interval", "--warning",
        "--critical"};

    static int run(ParsedArgs p, List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (p.all("--probe-sop").stream().anyMatch(o -> o.values().get(0).equals("list"))) {
            for (Map.Entry<String, String> e : SopClassNames.all().entrySet()) {
                out.println(e.getKey() + "  " + e.getValue());
            }
            return 0;
        }
        boolean peerInfo = p.has("--peer-info");
        if (!peerInfo) {
            for (String name : PEER_INFO_ONLY) {
                if (p.has(name)) {
                    throw new UsageException(name + " only allowed with --peer-info");
                }
            }
        }
        for (String name : ONE_PEER_ONLY) {
            if (p.has(name)) {
                throw new UsageException(name + " not allowed with --targets, AE@HOST:PORT targets or --peer-info");
            }
        }
        String format = p.value("--format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format " + format
                    + " not allowed with --targets, AE@HOST:PORT targets or --peer-info (text or json)");
        }
        List<TargetSpec> targets = targets(p);
        boolean many = targets.size() > 1 || p.has("--targets") || p.parameters().stream()
                .anyMatch(EchoscuCommand::isTargetWord);
        int parallel = Values.intOption(p, "--parallel", 1, MAX_PARALLEL, DEFAULT_PARALLEL);
        TargetSpec first = targets.get(0);
        EchoSettings base = EchoscuCommand.settings(p, first.host(), first.port());
        TlsSettings tls = TlsOptions.check(p, true) ? TlsRuntime.settings(p, true) : null;
        ProbeProposal proposal = peerInfo ? proposal(p, base) : null;
        int warnDays = Values.intOption(p, "--cert-warn-days", 0, 36_500, 30);
        CommonOptions.logging(p, EchoscuCommand.TOOL, args, err);
        SocketLayer layer = null;
        if (tls != null) {
            layer = TlsRuntime.clientLayer(tls, base.acseTimeout(), p.has("--check-hostname"),
                    Logs.get("dcmtk.apps.echoscu"));
            if (layer == null) {
                return 1;
            }
        }
        if (many && p.last("-q", "-v", "-d", "-ll", "-lc") == null) {
            // Each target's own log lines would interleave; their substance is in its output line.
            Logs.console(DcmtkLevel.OFF);
        }
        Progress progress = new Progress(err, many && Progress.stderrIsTerminal(), targets.size());
        EchoSettings settings = base.withLayer(layer);
        try {
            return peerInfo
                    ? peerInfo(targets, parallel, settings, proposal, p.has("--check-called-ae"), warnDays,
                    format.equals("json"), progress, out)
                    : echoes(targets, parallel, settings, format.equals("json"), progress, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            progress.hide();
            if (layer != null) {
                TlsRuntime.finish(layer);
            }
        }
    }

    /** A probe (association, --repeat echoes, release) per target; a line each, then the table. */
    private static int echoes(List<TargetSpec> targets, int parallel, EchoSettings base, boolean json,
                              Progress progress, PrintStream out) throws InterruptedException {
        FleetView view = new FleetView(out, json);
        long start = System.nanoTime();
        List<ProbeResult> results = FleetRun.run(targets, parallel, t -> {
            return ProbeResults.of(new EchoScu(forTarget(base, t)).run());
        }, (i, t, r) -> {
            progress.hide();
            view.target(i + 1, t.label(), t.ownName(), r);
            progress.advance(r.outcome().ok());
        });
        progress.hide();
        List<String> names = new ArrayList<>(targets.size());
        for (TargetSpec t : targets) {
            names.add(t.label());
        }
        view.end(names, results, System.nanoTime() - start);
        return view.exitCode();
    }

    /** The --peer-info report of each target, as each ends. */
    private static int peerInfo(List<TargetSpec> targets, int parallel, EchoSettings base, ProbeProposal proposal,
                                boolean checkCalledAe, int warnDays, boolean json, Progress progress,
                                PrintStream out) throws InterruptedException {
        List<PeerInfo> infos = FleetRun.run(targets, parallel, t -> {
            EchoSettings s = forTarget(base, t);
            ProbeProposal own = new ProbeProposal(proposal.callingAeTitle(), s.proposal().calledAeTitle(),
                    proposal.maxPduLength(), proposal.abstractSyntaxes(), proposal.transferSyntaxes(),
                    proposal.roles(), proposal.async());
            return new PeerInfoProbe(s, own, checkCalledAe).run();
        }, (i, t, info) -> {
            progress.hide();
            Instant now = Instant.now();
            out.print(json
                    ? PeerInfoJson.object(t.label(), t.host(), t.port(), forTarget(base, t).proposal().calledAeTitle(),
                            info, warnDays, now) + "\n"
                    : PeerInfoText.format(t.label(), info, warnDays, now));
            out.flush();
            progress.advance(info.outcome().exitCode() == 0);
        });
        for (PeerInfo info : infos) {
            if (info.outcome().exitCode() != 0) {
                return info.outcome().exitCode(); // a report is whole (0) or not (1): no other code
            }
        }
        return 0;
    }

    /** Every target: the --targets files in order, then the AE@HOST:PORT parameters; or the one peer port. */
    private static List<TargetSpec> targets(ParsedArgs p) throws UsageException {
        List<TargetSpec> out = new ArrayList<>();
        try {
            for (ParsedArgs.Occurrence o : p.all("--targets")) {
                out.addAll(TargetFiles.read(Path.of(o.values().get(0))));
            }
            List<String> params = p.parameters();
            if (p.has("--targets") || params.stream().anyMatch(EchoscuCommand::isTargetWord)) {
                for (String param : params) { // in order; beside AE@HOST:PORT words, HOST:PORT is a target too
                    out.add(TargetWords.parse(param));
                }
            } else {
                TargetSpec one = new TargetSpec("", null, params.get(0), EchoscuCommand.peerPort(params));
                out.add(new TargetSpec(one.address(), null, one.host(), one.port()));
            }
        } catch (TargetFormatException e) {
            throw new UsageException(e.getMessage());
        }
        if (out.isEmpty()) {
            throw new UsageException("No targets: the --targets files hold none");
        }
        return out;
    }

    private static ProbeProposal proposal(ParsedArgs p, EchoSettings base) throws UsageException {
        List<String> sops = new ArrayList<>();
        sops.add(Uids.VERIFICATION_SOP_CLASS);
        for (ParsedArgs.Occurrence o : p.all("--probe-sop")) {
            String v = o.values().get(0);
            String uid = SopClassNames.resolve(v);
            if (uid == null) {
                throw new UsageException("Invalid value for option --probe-sop (" + v
                        + "): neither a UID nor a known name (--probe-sop list)");
            }
            sops.add(uid);
        }
        int pts = Values.intOption(p, "-pts", 1, TransferSyntax.values().length, TransferSyntax.values().length);
        return new ProbeProposal(base.proposal().callingAeTitle(), base.proposal().calledAeTitle(),
                base.proposal().maxPduLength(), sops, TransferSyntax.firstUids(pts), p.has("--probe-roles"),
                p.has("--probe-async"));
    }

    /** The settings of one target: its host, port and, when it names one, its called AE title. */
    static EchoSettings forTarget(EchoSettings base, TargetSpec t) {
        org.echoscu.acse.AssociationProposal a = base.proposal();
        String called = t.calledAeTitle() == null ? a.calledAeTitle() : t.calledAeTitle();
        return new EchoSettings(t.host(), t.port(), base.family(),
                new org.echoscu.acse.AssociationProposal(a.callingAeTitle(), called, a.maxPduLength(), a.contexts(),
                        a.transferSyntaxes()),
                base.connectTimeout(), base.socketTimeout(), base.acseTimeout(), base.dimseTimeout(), base.repeat(),
                base.abort(), base.layer());
    }
}
