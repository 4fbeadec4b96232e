/**
 * The REST API of {@code API.md} under {@code /api/v1}: resources, request body decoding, bearer
 * authentication and RFC 9457 problem details for every error.
 */
package dev.agenttrail.webapp.interfaces.rest;
