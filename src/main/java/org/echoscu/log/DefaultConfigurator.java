package org.echoscu.log;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Found by logback through the service loader, so it never looks for XML files: warnings
 * and up on stderr in DCMTK's format until the command line says otherwise.
 */
public final class DefaultConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogSetup.console(context, "warn");
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
