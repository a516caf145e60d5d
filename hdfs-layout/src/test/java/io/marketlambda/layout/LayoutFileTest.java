package io.marketlambda.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The declared layout file against core's lake layout, the one definition of lake paths. */
class LayoutFileTest {
  private static final URI BASE = URI.create("hdfs://namenode:8020");
  private final DeclaredLayout layout = DeclaredLayout.load();

  @Test
  void lakeDirectoriesAreExactlyThoseOfTheLakeLayout() {
    LakeLayout lake = new LakeLayout(DeclaredLayout.lakeRoot(BASE));
    List<URI> expected = new ArrayList<>(lake.allDirectories());
    expected.add(URI.create(lake.root() + "/_staging"));
    expected.add(lake.staging("hfiles"));

    List<URI> declared =
        layout.entries().stream()
            .filter(e -> e.path().startsWith(DeclaredLayout.LAKE_ROOT))
            .map(e -> URI.create(BASE + "/" + e.path()))
            .toList();

    assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(lake.table(LakeTable.GOLD_BARS_DAILY).toString())
        .isEqualTo("hdfs://namenode:8020/marketlambda/lake/gold/bars_daily");
  }

  @Test
  void parentsComeBeforeTheirChildrenAndNoPathRepeats() {
    Set<String> seen = new HashSet<>();
    for (LayoutEntry entry : layout.entries()) {
      int slash = entry.path().lastIndexOf('/');
      if (slash > 0) {
        assertThat(seen).as(entry.path()).contains(entry.path().substring(0, slash));
      }
      assertThat(seen.add(entry.path())).as(entry.path()).isTrue();
    }
    assertThat(layout.entries()).first().extracting(LayoutEntry::path).isEqualTo("marketlambda");
  }

  @Test
  void declaredValuesAreReadAsOctalAndQuotas() {
    LayoutEntry checkpoints =
        layout.entries().stream()
            .filter(e -> e.path().equals("marketlambda/lake/_checkpoints"))
            .findFirst()
            .orElseThrow();
    assertThat(checkpoints.permission()).isEqualTo(7 * 64); // 0700: owner only
    assertThat(checkpoints.fileQuota()).isEqualTo(100_000);
    assertThat(layout.entries())
        .anySatisfy(e -> assertThat(e.path()).isEqualTo(DeclaredLayout.OOZIE_NIGHTLY))
        .anySatisfy(e -> assertThat(e.path()).isEqualTo(DeclaredLayout.OOZIE_NIGHTLY + "/lib"));
  }
}
