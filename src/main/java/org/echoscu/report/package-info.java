/**
 * Views of {@link org.echoscu.probe.ProbeResult}: the text of {@code --timings} and
 * {@code --stats}, JSON Lines, a Nagios / Icinga plugin line, the Prometheus text format.
 * Each reads the model and nothing else; none decides anything the model does not hold.
 * Above {@code probe}, below {@code cli}; loaded only when one of these outputs is asked for.
 */
package org.echoscu.report;
