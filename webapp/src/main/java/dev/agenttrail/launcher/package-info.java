/**
 * The entry point of {@code agenttrail.jar}: reads the few settings Payara Micro itself needs
 * (port, data directory, clustering), unpacks the embedded runtime and war into the data directory
 * once per build, and boots Payara Micro in this JVM. It depends on nothing but the JDK.
 */
package dev.agenttrail.launcher;
