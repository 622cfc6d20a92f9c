package org.echoscu.cli;

import java.util.List;

/**
 * The two commands as the build's generator of man pages and shell completion sees them
 * ({@code org.echoscu.cli.ship}): name, purpose, usage line and the very option table their
 * {@code --help} prints. A run of echoscu or echoscp never loads this class.
 */
public final class ToolTables {

    /** One command: what its help text's header and usage line say, and its options. */
    public record Tool(String name, String purpose, String usage, OptionTable table) {
    }

    private ToolTables() {
    }

    public static List<Tool> all() {
        return List.of(
                new Tool(EchoscuCommand.TOOL, EchoscuCommand.PURPOSE, EchoscuCommand.USAGE, EchoscuCommand.table()),
                new Tool(EchoscpCommand.TOOL, EchoscpCommand.PURPOSE, EchoscpCommand.USAGE, EchoscpCommand.table()));
    }
}
