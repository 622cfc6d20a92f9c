package org.echoscu.cli.ship;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.echoscu.cli.OptionTable.Parameter;
import org.echoscu.cli.ToolTables.Tool;

/** A command's positional parameters, as its option table lists them. */
final class Parameters {

    private Parameters() {
    }

    static List<Parameter> of(Tool tool) {
        List<Parameter> out = new ArrayList<>();
        for (Object e : tool.table().entries()) {
            if (e instanceof Parameter p) {
                out.add(p);
            }
        }
        return out;
    }

    /** A parameter the help text calls a host name: completed from the host names the shell knows. */
    static boolean isHost(Parameter p) {
        return p.description().toLowerCase(Locale.ROOT).contains("hostname");
    }

    static boolean takesHost(Tool tool) {
        return of(tool).stream().anyMatch(Parameters::isHost);
    }
}
