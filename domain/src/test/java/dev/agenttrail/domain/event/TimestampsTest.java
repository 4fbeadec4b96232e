package dev.agenttrail.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written paths must agree with java.time on every input, valid or not. */
class TimestampsTest {

  private static Instant javaTime(String text) {
    try {
      return OffsetDateTime.parse(text.replace('t', 'T').replace('z', 'Z')).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Test
  void shouldReadTheCommonShapesByHand() {
    assertThat(Timestamps.parseCommon("2026-11-23T08:15:00Z")).isEqualTo(Instant.parse("2026-11-23T08:15:00Z"));
    assertThat(Timestamps.parseCommon("2026-11-23t08:15:00.5z")).isEqualTo(Instant.parse("2026-11-23T08:15:00.500Z"));
    assertThat(Timestamps.parseCommon("2026-11-23T09:15:00.123456789+01:00"))
        .isEqualTo(Instant.parse("2026-11-23T08:15:00.123456789Z"));
    assertThat(Timestamps.parseCommon("2026-11-23T00:15:00-05:30")).isEqualTo(Instant.parse("2026-11-23T05:45:00Z"));
  }

  @Test
  void shouldAgreeWithJavaTimeOnValidAndInvalidTimestamps() {
    List<String> samples = new ArrayList<>(List.of(
        "2026-11-23T08:15:00Z", "2026-11-23T08:15Z", "2026-11-23T08:15:00.Z", "2026-02-29T08:15:00Z",
        "2024-02-29T08:15:00Z", "2026-04-31T08:15:00Z", "2026-13-01T08:15:00Z", "2026-00-01T08:15:00Z",
        "2026-11-23T24:00:00Z", "2026-11-23T23:60:00Z", "2026-11-23T23:59:60Z", "2026-11-23T08:15:00",
        "2026-11-23T08:15:00+18:00", "2026-11-23T08:15:00+18:01", "2026-11-23T08:15:00-00:00",
        "2026-11-23T08:15:00+0100", "2026-11-23T08:15:00+01:00:30", "2026-11-23T08:15:00.1234567891Z",
        "2026-11-23 08:15:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+12026-11-23T08:15:00Z",
        "2026-11-23T08:15:00ZZ", "2026-11-23T08:15:00+01:0a", "２０２６-11-23T08:15:00Z", "2026-11-23T08:15:00.١Z",
        "", "2026", "2026-11-23T08:15:00.000000000Z"));
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      samples.add(String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10_000), random.nextInt(14),
          random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
          random.nextBoolean() ? "" : "." + String.format("%09d", random.nextInt(1_000_000_000)).substring(0, 1 + random.nextInt(9)),
          switch (random.nextInt(4)) {
            case 0 -> "Z";
            case 1 -> "z";
            default -> String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(62));
          }));
    }
    for (String sample : samples) {
      assertThat(Timestamps.parse(sample)).as(sample).isEqualTo(javaTime(sample));
    }
  }

  @Test
  void shouldWriteWhatInstantToStringWrites() {
    Random random = new Random(7);
    List<Instant> samples = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-11-23T08:15:00Z"),
        Instant.parse("2026-11-23T08:15:00.100Z"), Instant.parse("2026-11-23T08:15:00.000100Z"),
        Instant.parse("2026-11-23T08:15:00.000000100Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
        Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.5Z"), Instant.MIN, Instant.MAX));
    for (int i = 0; i < 20_000; i++) {
      int nanos = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      samples.add(Instant.ofEpochSecond(random.nextLong(0, 253402300800L), nanos));
    }
    for (Instant sample : samples) {
      assertThat(Timestamps.format(sample)).isEqualTo(sample.toString());
    }
  }
}
