package dev.agenttrail.webapp.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the REST API at {@code /api/v1}. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {}
