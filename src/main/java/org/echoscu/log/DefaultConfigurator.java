package org.echoscu.log;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Found by logback through the service loader, so it never looks for XML files: messages
 * on stderr in DCMTK's format at the level the command line chose (warnings and up unless
 * it said otherwise; see {@link Logs}).
 */
public final class DefaultConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logs.markStarted();
        LogSetup.console(context, Logs.consoleLevel());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
