package org.echoscu.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a command line by DCMTK's conventions with picocli doing the matching: options
 * with - or + anywhere among the parameters, short and long names, fixed numbers of values.
 * The model is built in code rather than from annotations so start-up does no reflection.
 * Every option appearance is recorded in order, so "rightmost wins" is a lookup, and
 * picocli's errors are turned into DCMTK's wording.
 *
 * <p>Start-up: picocli's classes are Java 5 class files, which a class-data-sharing archive
 * cannot hold, and building its model of some sixty options costs more than the echo itself.
 * So a plain command line, where every word is either an option's exact name followed by
 * its values or a parameter, and no value or parameter looks like an option, is read by
 * {@link #scan} directly. Anything else (a missing value, an unknown option, a value that
 * starts with - or +, {@code --name=value}) goes to picocli ({@link PicocliParser}), which
 * judges it as before; this class does not refer to picocli, so a plain echo never loads it.
 */
public final class DcmtkParser {

    private DcmtkParser() {
    }

    public static ParsedArgs parse(OptionTable table, List<String> args) throws UsageException {
        ParsedArgs plain = scan(table, args);
        return plain != null ? plain : PicocliParser.parse(table, args);
    }

    /**
     * The plain case without picocli; null when the command line needs picocli's judgement.
     * Gives the same result as picocli wherever it gives one (DcmtkParserTest checks this).
     */
    static ParsedArgs scan(OptionTable table, List<String> args) {
        ParsedArgs parsed = new ParsedArgs();
        List<String> positional = new ArrayList<>();
        int n = args.size();
        for (int i = 0; i < n; i++) {
            String word = args.get(i);
            OptionTable.Opt opt = table.lookup(word);
            if (opt == null) {
                if (looksLikeOption(word)) {
                    return null;
                }
                positional.add(word);
                continue;
            }
            int arity = opt.arity();
            if (i + arity >= n) {
                return null;
            }
            List<String> values = new ArrayList<>(arity);
            for (int k = 1; k <= arity; k++) {
                String value = args.get(i + k);
                if (looksLikeOption(value)) {
                    return null;
                }
                values.add(value);
            }
            parsed.add(opt, values);
            i += arity;
        }
        parsed.parameters(positional);
        return parsed;
    }

    private static boolean looksLikeOption(String word) {
        return !word.isEmpty() && (word.charAt(0) == '-' || word.charAt(0) == '+');
    }
}
