package dev.agenttrail.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

  private static ZonedDateTime t(String text) {
    return ZonedDateTime.parse(text);
  }

  @Test
  void shouldFireEveryMondayAtSixUtc() {
    CronExpression weekly = CronExpression.parse("0 6 * * MON");

    assertThat(weekly.next(t("2026-11-23T06:00:00Z"))).isEqualTo(t("2026-11-30T06:00:00Z"));
    assertThat(weekly.next(t("2026-11-22T23:59:00Z"))).isEqualTo(t("2026-11-23T06:00:00Z"));
    assertThat(CronExpression.parse("0 6 * * 1").next(t("2026-11-23T05:59:59Z"))).isEqualTo(t("2026-11-23T06:00:00Z"));
  }

  @Test
  void shouldHandleStepsRangesListsAndNames() {
    assertThat(CronExpression.parse("*/15 * * * *").next(t("2026-11-23T10:07:30Z"))).isEqualTo(t("2026-11-23T10:15:00Z"));
    assertThat(CronExpression.parse("30 9-17/4 * * *").next(t("2026-11-23T13:30:00Z"))).isEqualTo(t("2026-11-23T17:30:00Z"));
    assertThat(CronExpression.parse("0 0 1,15 * *").next(t("2026-11-02T00:00:00Z"))).isEqualTo(t("2026-11-15T00:00:00Z"));
    assertThat(CronExpression.parse("0 0 1 jan *").next(t("2026-11-02T00:00:00Z"))).isEqualTo(t("2027-01-01T00:00:00Z"));
    assertThat(CronExpression.parse("0 12 * * 7").next(t("2026-11-23T00:00:00Z"))).isEqualTo(t("2026-11-29T12:00:00Z"));
  }

  @Test
  void shouldMatchEitherDayFieldWhenBothAreRestricted() {
    // the 1st of the month or any Friday
    assertThat(CronExpression.parse("0 0 1 * FRI").next(t("2026-11-23T00:00:00Z"))).isEqualTo(t("2026-11-27T00:00:00Z"));
    assertThat(CronExpression.parse("0 0 1 * FRI").next(t("2026-11-27T00:00:00Z"))).isEqualTo(t("2026-12-01T00:00:00Z"));
  }

  @Test
  void shouldFindLeapDays() {
    assertThat(CronExpression.parse("0 0 29 2 *").next(t("2026-03-01T00:00:00Z"))).isEqualTo(t("2028-02-29T00:00:00Z"));
  }

  @Test
  void shouldSayWhichFieldIsWrong() {
    assertThatThrownBy(() -> CronExpression.parse("0 6 * *")).hasMessageContaining("5 fields");
    assertThatThrownBy(() -> CronExpression.parse("61 6 * * *")).hasMessageContaining("minute '61'");
    assertThatThrownBy(() -> CronExpression.parse("0 6 * * FUN")).hasMessageContaining("day of week 'FUN'");
    assertThatThrownBy(() -> CronExpression.parse("0 9-5 * * *")).hasMessageContaining("hour range");
    assertThatThrownBy(() -> CronExpression.parse("0 0 31 2 *").next(t("2026-01-01T00:00:00Z"))).hasMessageContaining("never");
  }
}
