package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.service.VerifyTrend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyTrendActionTest {
  @TempDir Path builds;

  @Test
  void pointsComeFromBuildsWithAVerification() throws Exception {
    TestRun first = build(1, null);
    first.addOrReplaceAction(new VerifyAction(4, 1, 1, "UNSTABLE"));
    TestRun second = build(2, first);
    TestRun third = build(3, second);
    third.addOrReplaceAction(VerifyAction.of(Map.of("units", 4, "verified", 3, "slaMet", 2)));

    VerifyTrendAction trend = new VerifyTrendAction(new TestRun.TestJob().withLastBuild(third));

    assertThat(trend.points())
        .containsExactly(
            new VerifyTrend.Point("#1", 4, 1, 1), new VerifyTrend.Point("#3", 4, 3, 2));
    assertThat(trend.hasTrend()).isTrue();
    assertThat(trend.getTrendSvg()).contains(">#1<").contains(">#3<").doesNotContain(">#2<");
  }

  @Test
  void trendStopsAfterTheLastBuilds() throws Exception {
    TestRun run = null;
    for (int number = 1; number <= VerifyTrendAction.MAX_BUILDS + 5; number++) {
      run = build(number, run);
      run.addOrReplaceAction(new VerifyAction(1, 1, 1, "PASSED"));
    }

    List<VerifyTrend.Point> points =
        new VerifyTrendAction(new TestRun.TestJob().withLastBuild(run)).points();

    assertThat(points).hasSize(VerifyTrendAction.MAX_BUILDS);
    assertThat(points.get(0).label()).isEqualTo("#6");
  }

  @Test
  void jobWithoutVerificationsHasNoTrend() {
    VerifyTrendAction trend = new VerifyTrendAction(new TestRun.TestJob());

    assertThat(trend.hasTrend()).isFalse();
    assertThat(trend.getIconFileName()).isNull();
    assertThat(trend.getUrlName()).isNull();
  }

  @Test
  void factoryAddsTheTrendToEveryJob() {
    VerifyTrendFactory factory = new VerifyTrendFactory();

    assertThat(factory.type()).isEqualTo(hudson.model.Job.class);
    assertThat(factory.createFor(new TestRun.TestJob()))
        .singleElement()
        .isInstanceOf(VerifyTrendAction.class);
  }

  private TestRun build(int number, TestRun previous) throws Exception {
    return new TestRun(builds.resolve(Integer.toString(number))).numbered(number, previous);
  }
}
