/** Small value types shared by every aggregate: problems found in input, hashing helpers. */
package dev.agenttrail.domain.shared;
