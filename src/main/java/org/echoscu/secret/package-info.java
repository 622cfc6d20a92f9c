/**
 * Secrets at rest: bcrypt hashes as {@code htpasswd -B} writes them ({@link Bcrypt}) and secrets
 * read from files ({@link SecretFile}). A low utility package (JDK and Bouncy Castle only) so
 * that echoscp's users file, echoscu's password files and the exporter's basic_auth users and
 * password files share one implementation. Nothing here ever puts a secret into an exception
 * message, a log line or a {@code toString}.
 */
package org.echoscu.secret;
