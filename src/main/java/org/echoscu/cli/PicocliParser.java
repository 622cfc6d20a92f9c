package org.echoscu.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli side of {@link DcmtkParser}: every command line its direct scan leaves alone.
 * The model is built in code rather than from annotations so there is no reflection, every
 * option appearance is recorded in order, and picocli's errors are turned into DCMTK's wording.
 */
final class PicocliParser {

    private PicocliParser() {
    }

    static ParsedArgs parse(OptionTable table, List<String> args) throws UsageException {
        ParsedArgs parsed = new ParsedArgs();
        CommandSpec spec = CommandSpec.create();
        for (OptionTable.Opt opt : table.options()) {
            spec.addOption(OptionSpec.builder(opt.names().toArray(new String[0]))
                    .arity(String.valueOf(opt.arity()))
                    .type(opt.arity() == 0 ? boolean.class : opt.arity() == 1 ? String.class : String[].class)
                    .getter(nothing())
                    .setter(recorder(parsed, opt))
                    .build());
        }
        PositionalParamSpec params = PositionalParamSpec.builder().index("0..*").arity("0..*")
                .type(String[].class).build();
        spec.addPositional(params);
        CommandLine cl = new CommandLine(spec);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setPosixClusteredShortOptionsAllowed(false);
        cl.setExpandAtFiles(false);
        cl.setUnmatchedArgumentsAllowed(false);
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setEndOfOptionsDelimiter("\u0000"); // DCMTK knows no "--": never match it
        try {
            cl.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.MissingParameterException e) {
            throw new UsageException("Missing value for option " + optionName(e));
        } catch (CommandLine.UnmatchedArgumentException e) {
            throw new UsageException("Unknown option " + e.getUnmatched().get(0));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        String[] values = params.getValue();
        List<String> positional = values == null ? List.of() : List.of(values);
        for (String p : positional) {
            if (p.length() > 1 && (p.charAt(0) == '+' || p.charAt(0) == '-')
                    && !Character.isDigit(p.charAt(1))) {
                throw new UsageException("Unknown option " + p);
            }
        }
        parsed.parameters(positional);
        return parsed;
    }

    private static String optionName(CommandLine.MissingParameterException e) {
        if (e.getMissing() != null && !e.getMissing().isEmpty()
                && e.getMissing().get(0) instanceof OptionSpec o) {
            return o.longestName();
        }
        return e.getMessage();
    }

    private static IGetter nothing() {
        return new IGetter() {
            @Override
            @SuppressWarnings("TypeParameterUnusedInFormals") // picocli's IGetter declares it so
            public <T> T get() {
                return null;
            }
        };
    }

    private static ISetter recorder(ParsedArgs parsed, OptionTable.Opt opt) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                // picocli also calls setters to apply initial values (false, null) before parsing
                if (value == null || Boolean.FALSE.equals(value)) {
                    return null;
                }
                List<String> values = new ArrayList<>();
                if (value instanceof String s) {
                    values.add(s);
                } else if (value instanceof String[] a) {
                    values.addAll(List.of(a));
                }
                parsed.add(opt, values);
                return null;
            }
        };
    }
}
