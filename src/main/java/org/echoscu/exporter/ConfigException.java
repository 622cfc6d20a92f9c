package org.echoscu.exporter;

/** What is wrong with a configuration file, with the file and line ("FILE:LINE: key 'K': what"). */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
